// Runs an actions/github-script `script:` as the action does (src/async-function.ts of
// actions/github-script v7: an AsyncFunction of require, github, context, core), against an
// in-memory issue-comments API kept in a JSON file, so a test can see what it posted.
//
// node github-script-stub.js SCRIPT_FILE STATE_FILE
//   STATE_FILE: {"repository": "o/r", "payload": {...event...}, "actor_login": "github-actions[bot]",
//                "comments": [{"id", "user": {"login"}, "body"}], "calls": [], "failed": null}
const fs = require('fs');

const [scriptFile, stateFile] = process.argv.slice(2);
const state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
const [owner, repo] = state.repository.split('/');

function checkRepo(params) {
  if (params.owner !== owner || params.repo !== repo) {
    throw new Error(`wrong repository ${params.owner}/${params.repo}`);
  }
}

const issues = {
  async listComments(params) {
    checkRepo(params);
    state.calls.push({ call: 'listComments', issue_number: params.issue_number });
    return { data: state.comments.filter((c) => c.issue_number === params.issue_number) };
  },
  async createComment(params) {
    checkRepo(params);
    const id = 1000 + state.comments.length + state.calls.length;
    const comment = { id, issue_number: params.issue_number, user: { login: state.actor_login, type: 'Bot' }, body: params.body };
    state.comments.push(comment);
    state.calls.push({ call: 'createComment', issue_number: params.issue_number, id });
    return { data: comment };
  },
  async updateComment(params) {
    checkRepo(params);
    const comment = state.comments.find((c) => c.id === params.comment_id);
    if (!comment) throw new Error(`no comment ${params.comment_id}`);
    if (comment.user.login !== state.actor_login) throw new Error(`403: comment ${params.comment_id} is not the bot's`);
    comment.body = params.body;
    state.calls.push({ call: 'updateComment', id: params.comment_id });
    return { data: comment };
  },
};

const github = {
  rest: { issues },
  // One page holds everything here; the real paginate follows Link headers.
  async paginate(method, params) {
    return (await method(params)).data;
  },
};

const context = {
  payload: state.payload,
  repo: { owner, repo },
  get issue() {
    return { owner, repo, number: (state.payload.pull_request || state.payload.issue).number };
  },
};

const core = {
  info: (m) => console.log(m),
  warning: (m) => console.log(`::warning::${m}`),
  setFailed: (m) => {
    state.failed = String(m);
    console.log(`::error::${m}`);
  },
};

const AsyncFunction = Object.getPrototypeOf(async () => null).constructor;
const fn = new AsyncFunction('require', 'github', 'context', 'core', fs.readFileSync(scriptFile, 'utf8'));
fn(require, github, context, core)
  .catch((error) => {
    state.failed = `unhandled error: ${error.stack || error}`;
    console.log(`::error::${error}`);
  })
  .finally(() => {
    fs.writeFileSync(stateFile, JSON.stringify(state, null, 2));
    process.exitCode = state.failed ? 1 : 0;
  });
