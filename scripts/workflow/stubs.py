"""What the local run puts in place of GitHub: the actions other than breakeven's own (checkout,
cache, artifacts, github-script), a release server on 127.0.0.1 and the pull request's comments."""
import json
import shutil
import subprocess
import threading
import uuid
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent


class ReleaseServer:
    """Serves a folder laid out as GitHub serves releases (OWNER/NAME/releases/download/vX/FILE),
    on 127.0.0.1 only, and remembers which files were asked for."""

    def __init__(self, folder):
        self.requests = []
        server = self

        class Handler(SimpleHTTPRequestHandler):
            def log_message(self, *args):
                server.requests.append(self.path)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(folder)))
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class GitHubStubs:
    """The `uses:` handlers, keyed by action name, sharing one cache, one artifact store and one
    pull request's comments across the runs of a test."""

    def __init__(self, root, repo_root, comments, actor="github-actions[bot]"):
        self.root = Path(root)
        self.repo_root = Path(repo_root)
        self.caches = {}
        self.artifacts = {}
        self.comments = comments
        self.actor = actor
        self.calls = []
        self.checkouts = []
        self.breakeven_uses = []

    def handlers(self, run):
        return {
            "actions/checkout": partial(self.checkout, run),
            "actions/cache": self.cache,
            "actions/upload-artifact": self.upload,
            "actions/download-artifact": self.download,
            "actions/github-script": partial(self.github_script, run),
            "OWNER/breakeven": partial(self.breakeven, run),
        }

    def checkout(self, run, job, step, with_, contexts):
        """The workspace is the repository already: check out the ref asked for, keep no credentials."""
        self.checkouts.append(with_)
        done = subprocess.run(["git", "checkout", "-q", "--detach", with_.get("ref", "HEAD")], cwd=run.workspace,
                              capture_output=True, text=True)
        job.log.append(done.stdout + done.stderr)
        return done.returncode, {}

    def breakeven(self, run, job, step, with_, contexts):
        """This repository's action.yml, run from where the runner keeps a downloaded action
        (RUNNER_WORK/_actions/OWNER/NAME/REF), so that it finds its own repository there."""
        self.breakeven_uses.append(step["uses"])
        owner_name, ref = step["uses"].split("@", 1)
        action_dir = self.root / "_actions" / owner_name / ref
        if not action_dir.exists():
            action_dir.parent.mkdir(parents=True, exist_ok=True)
            action_dir.symlink_to(self.repo_root)
        return run.run_composite(job, action_dir, with_)

    def cache(self, job, step, with_, contexts):
        key, path = with_["key"], Path(with_["path"])
        if key in self.caches:
            shutil.copytree(self.caches[key], path, dirs_exist_ok=True)
            return 0, {"cache-hit": "true"}

        def save(job):
            # actions/cache saves in its post step, when the job succeeded.
            if not job.failed and path.exists():
                saved = self.root / "caches" / uuid.uuid4().hex
                shutil.copytree(path, saved)
                self.caches[key] = saved

        job.post.append(save)
        return 0, {}

    def upload(self, job, step, with_, contexts):
        source = Path(with_["path"])
        files = sorted(p for p in source.rglob("*") if p.is_file()) if source.exists() else []
        if not files and with_.get("if-no-files-found", "warn") == "error":
            job.log.append(f"::error::No files were found with the provided path: {source}\n")
            return 1, {}
        stored = self.root / "artifacts" / uuid.uuid4().hex
        shutil.copytree(source, stored)
        self.artifacts[with_["name"]] = stored
        return 0, {"artifact-id": "1"}

    def download(self, job, step, with_, contexts):
        if with_["name"] not in self.artifacts:
            job.log.append(f"::error::Unable to download artifact(s): Artifact not found for name: {with_['name']}\n")
            return 1, {}
        shutil.copytree(self.artifacts[with_["name"]], Path(with_["path"]), dirs_exist_ok=True)
        return 0, {}

    def github_script(self, run, job, step, with_, contexts):
        """The script under node, with the comments API of github-script-stub.js."""
        state = {"repository": run.github["repository"], "payload": run.github["event"], "actor_login": self.actor,
                 "comments": self.comments, "calls": [], "failed": None}
        state_file = job.temp / f"github-state-{uuid.uuid4().hex[:8]}.json"
        state_file.write_text(json.dumps(state), encoding="utf-8")
        script = job.temp / f"github-script-{uuid.uuid4().hex[:8]}.js"
        script.write_text(with_["script"], encoding="utf-8")
        env = job.process_env(step.get("env"), contexts)
        done = subprocess.run(["node", str(HERE / "github-script-stub.js"), str(script), str(state_file)],
                              cwd=run.workspace, env=env, capture_output=True, text=True)
        job.log.append(done.stdout + done.stderr)
        state = json.loads(state_file.read_text(encoding="utf-8"))
        self.comments[:] = state["comments"]
        self.calls += state["calls"]
        return done.returncode, {}
