"""The cases scripts/check-diff-workflow.py runs: a pull request's pushes, a missing merge base, a
fork, a quiet change; the install action's download, cache, checksum and version checks."""
import re
import shutil
import subprocess
from pathlib import Path

import yaml

from runner import WorkflowRun, load
from stubs import GitHubStubs

BOT = "github-actions[bot]"


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def true(self, name, condition, detail=""):
        if condition:
            self.passed += 1
            print(f"ok    {name}")
        else:
            self.failed += 1
            print(f"FAIL  {name}" + (f"\n      {detail}" if detail else ""))

    def equal(self, name, actual, expected):
        self.true(name, actual == expected, f"expected {expected!r}\n      found    {actual!r}")


def git(path, *args):
    return subprocess.run(["git", "-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false",
                           *args], cwd=path, check=True, capture_output=True, text=True).stdout.strip()


class FakeRepository:
    """main: support.json, a-b.json, old.json and the schema; the pull request's branch changes
    them; main moves on after the branch point (main-only.json, which the diff must not see)."""

    def __init__(self, path, golden):
        self.path = Path(path)
        self.path.mkdir(parents=True)
        base = (golden / "diff-base.json").read_text(encoding="utf-8")
        head = (golden / "diff-head.json").read_text(encoding="utf-8")
        self.invalid = base.replace('"months": 12', '"months": -3')
        git(self.path, "init", "-q", "-b", "main")
        self.write({"support.json": base, "a-b.json": base, "old.json": base, "scenario.schema.json": "{}\n"})
        self.base = self.commit("base")
        git(self.path, "checkout", "-q", "-b", "change")
        # A guardrail of diff-head.json breaks (self breaks even in month 6, at most 5 allowed).
        self.write({"support.json": head, "a--b.json": base, "a-b.json": base.replace("support bot", "support bot (b)"),
                    "broken.json": self.invalid, "my plan.json": base, "coût café.json": base,
                    "scenario.schema.json": "{ }\n"})
        (self.path / "scenarios" / "old.json").unlink()
        self.head = self.commit("change")
        self.write({"broken.json": base.replace("support bot", "support bot (fixed)")})
        self.head2 = self.commit("fix broken.json")
        git(self.path, "checkout", "-q", "main")
        self.write({"main-only.json": head})
        self.main_tip = self.commit("main moves on")
        git(self.path, "checkout", "-q", "-b", "quiet", self.base)
        self.write({"my plan.json": base})
        self.quiet = self.commit("a new scenario that passes")

    def write(self, files):
        for name, text in files.items():
            (self.path / "scenarios").mkdir(exist_ok=True)
            (self.path / "scenarios" / name).write_text(text, encoding="utf-8")

    def commit(self, message):
        git(self.path, "add", "-A")
        git(self.path, "commit", "-q", "-m", message)
        return git(self.path, "rev-parse", "HEAD")


def event(base_sha, head_sha, head_repo="acme/plans", number=7):
    return {"action": "synchronize", "number": number, "repository": {"full_name": "acme/plans"},
            "pull_request": {"number": number,
                             "base": {"ref": "main", "sha": base_sha, "repo": {"full_name": "acme/plans"}},
                             "head": {"ref": "change", "sha": head_sha, "repo": {"full_name": head_repo}}}}


def policy_checks(checks, workflow_path, others, version):
    """Actions pinned by commit with their version in a comment, breakeven by its release;
    least permissions; no credentials left in the checkout; no expression inside a script."""
    for path in (workflow_path, *others):
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"\s*(?:-\s+)?uses:\s*([^@\s]+)@(\S+)\s*(?:#\s*(.*))?$", line)
            if not m:
                continue
            name, ref, comment = m.groups()
            if name == "OWNER/breakeven":
                checks.equal(f"{path.name}: breakeven's action is pinned to the release", ref, f"v{version}")
            else:
                checks.true(f"{path.name}: {name} pinned by a commit, its version in a comment",
                            re.fullmatch(r"[0-9a-f]{40}", ref) is not None and re.match(r"v\d+\.\d+\.\d+$", comment or "") is not None,
                            line.strip())
        doc = load(path)
        steps = [s for job in doc.get("jobs", {}).values() for s in job["steps"]] if "jobs" in doc else doc["runs"]["steps"]
        for step in steps:
            if "run" in step:
                checks.true(f"{path.name}: '{step.get('name')}' puts no ${{{{ }}}} in its script", "${{" not in step["run"])
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                checks.equal(f"{path.name}: checkout keeps no credentials", step["with"].get("persist-credentials"), False)
    workflow = load(workflow_path)
    checks.equal("the workflow grants nothing by default", workflow.get("permissions"), {})
    checks.equal("the diff job only reads", workflow["jobs"]["diff"]["permissions"], {"contents": "read"})
    checks.equal("the comment job only writes pull requests", workflow["jobs"]["comment"]["permissions"], {"pull-requests": "write"})
    comment_steps = workflow["jobs"]["comment"]["steps"]
    checks.true("the comment job runs none of the pull request's code",
                all("run" not in s and not s["uses"].startswith(("actions/checkout@", "OWNER/breakeven@")) for s in comment_steps))


def comment_bodies(stubs, number=7):
    return {c["body"].split("\n", 1)[0]: c for c in stubs.comments if c["issue_number"] == number and c["user"]["login"] == BOT}


MARKERS = ["<!-- breakeven-diff: scenarios/a-%2Db.json -->", "<!-- breakeven-diff: scenarios/a-b.json -->",
           "<!-- breakeven-diff: scenarios/broken.json -->", "<!-- breakeven-diff: scenarios/co%C3%BBt%20caf%C3%A9.json -->",
           "<!-- breakeven-diff: scenarios/my%20plan.json -->", "<!-- breakeven-diff: scenarios/support.json -->"]
MONTHS = "months: expected an integer from 1 to 240, found -3"
GUARDRAIL = ("guardrail failed: guardrails[0] self.breakeven_month max 5: breakeven month of self is month 6; "
             "at most month 5 allowed, over by 1 month")
FAILED = "breakeven: a guardrail failed or a scenario is invalid: see the annotations and the pull request's comments"


def pull_request_runs(checks, run, repo, stubs, server, asset):
    # 1. The pull request's first push.
    r, jobs = run("push-1", event(repo.main_tip, repo.head))
    diff, comment = jobs["diff"], jobs["comment"]
    checks.equal("push 1: the diff job fails the check", diff["result"], "failure")
    checks.equal("push 1: one comment per changed scenario (not the schema, the deleted or main's)", diff["outputs"], {"comments": "6"})
    errors = [(a.get("file"), a.get("line"), a.get("col"), a["message"]) for a in diff["annotations"] if a["kind"] == "error"]
    checks.equal("push 1: annotations: the invalid line, the broken guardrail, the verdict", errors, [
        ("scenarios/broken.json", "6", "13", MONTHS), ("scenarios/support.json", None, None, GUARDRAIL), (None, None, None, FAILED)])
    checks.equal("push 1: the comment job posts", comment["result"], "success")
    checks.equal("push 1: checked out the head, without credentials", [(c["ref"], c["persist-credentials"]) for c in stubs.checkouts],
                 [(repo.head, "false")])
    checks.equal("push 1: installed once from the release", [p.rsplit("/", 1)[1] for p in server.requests],
                 [asset, "SHA256SUMS"])
    calls = [(c["call"], c.get("id")) for c in stubs.calls]
    checks.equal("push 1: the bot's own support comment updated, five posted", [c for c in calls if c[0] != "createComment"],
                 [("listComments", None), ("updateComment", 1)])
    checks.equal("push 1: five posted", sum(1 for c in calls if c[0] == "createComment"), 5)
    bodies = comment_bodies(stubs)
    checks.equal("push 1: one bot comment per marker (a--b and a-b apart)", sorted(m for m in bodies if m in MARKERS), MARKERS)
    checks.equal("push 1: someone else's comment with a marker is left alone", stubs.comments[1]["body"],
                 "<!-- breakeven-diff: scenarios/my%20plan.json -->\nmine")
    checks.equal("push 1: the old-style marker and the other pull request are left alone",
                 (stubs.comments[2]["body"], stubs.comments[3]["body"]),
                 ("<!-- breakeven-diff: a-b -->\nold", "<!-- breakeven-diff: scenarios/support.json -->\nold"))
    checks.equal("push 1: the invalid scenario's comment lists its problem", bodies.get(MARKERS[2], {}).get("body", ""),
                 f"{MARKERS[2]}\n### Cost diff: no diff for `scenarios/broken.json`\n\n**No cost diff until this problem is fixed.**\n\n"
                 f"```text\nscenarios/broken.json:6:13: error: {MONTHS}\n```\n")
    checks.true("push 1: the space and non-ASCII names are diffed",
                bodies.get(MARKERS[3], {}).get("body", "").startswith(f"{MARKERS[3]}\n### Cost diff: Diff fixture: support bot\n")
                and "`scenarios/coût café.json` (new scenario)" in bodies.get(MARKERS[3], {}).get("body", "")
                and "`scenarios/my plan.json` (new scenario)" in bodies.get(MARKERS[4], {}).get("body", ""))
    checks.true("push 1: the support diff compares with the merge base, not main's tip",
                f"`{repo.base}:scenarios/support.json` → `scenarios/support.json`" in bodies.get(MARKERS[5], {}).get("body", ""))
    checks.equal("push 1: the job summary holds every comment", [m for m in MARKERS if m in r.summary], MARKERS)

    # 2. A second push fixes broken.json: its comment turns into a diff; nothing else changes.
    stubs.calls.clear()
    before = {m: c["body"] for m, c in comment_bodies(stubs).items()}
    r, jobs = run("push-2", event(repo.main_tip, repo.head2))
    calls = [(c["call"], c.get("id")) for c in stubs.calls]
    broken_id = comment_bodies(stubs).get(MARKERS[2], {}).get("id")
    checks.equal("push 2: only the fixed scenario's comment is updated", calls, [("listComments", None), ("updateComment", broken_id)])
    checks.true("push 2: it is a diff now", comment_bodies(stubs).get(MARKERS[2], {}).get("body", "").startswith(
        f"{MARKERS[2]}\n### Cost diff: Diff fixture: support bot (fixed)\n"))
    checks.equal("push 2: the others are as they were", {m: c["body"] for m, c in comment_bodies(stubs).items() if m != MARKERS[2]},
                 {m: b for m, b in before.items() if m != MARKERS[2]})
    checks.equal("push 2: the guardrail still fails the check", jobs["diff"]["result"], "failure")

    # 3. No merge base: fail closed, before any diff or comment.
    stubs.calls.clear()
    r, jobs = run("no-base", event("1" * 40, repo.head2))
    checks.equal("no merge base: the diff job fails", jobs["diff"]["result"], "failure")
    checks.equal("no merge base: it says why", [a["message"] for a in jobs["diff"]["annotations"]],
                 [f"breakeven: no merge base of {'1' * 40} and {repo.head2}: is the history fetched (fetch-depth: 0)?"])
    checks.equal("no merge base: no comment job", (jobs["comment"]["result"], stubs.calls), ("skipped", []))

    # 4. A fork: its token cannot comment; the summary still has the comments.
    r, jobs = run("fork", event(repo.main_tip, repo.head2, head_repo="someone/plans"))
    checks.equal("fork: no comment job", (jobs["comment"]["result"], stubs.calls), ("skipped", []))
    checks.equal("fork: the summary has the comments", [m for m in MARKERS if m in r.summary], MARKERS)

    # 5. A change that keeps every guardrail: the check passes.
    r, jobs = run("quiet", event(repo.base, repo.quiet))
    checks.equal("quiet change: the check passes, one comment", (jobs["diff"]["result"], jobs["diff"]["outputs"]),
                 ("success", {"comments": "1"}))
    checks.equal("quiet change: no annotation", jobs["diff"]["annotations"], [])


def install_job(root, name, with_):
    """A workflow that only installs breakeven and runs it."""
    path = Path(root) / f"{name}.yml"
    path.write_text(yaml.safe_dump({"jobs": {"install": {"steps": [
        {"uses": "OWNER/breakeven@v0.1.0", "with": with_},
        {"run": 'echo "runs: $(breakeven --version) from $(command -v breakeven)"', "shell": "bash"}]}}}), encoding="utf-8")
    return path


def action_runs(checks, root, folder, server, arch, version, machine, repo_root):
    """action.yml on its own: download and check, a cache hit, a wrong sum, an unknown
    architecture, a version that is not the archive's, a version that is not a release."""
    stubs = GitHubStubs(root, repo_root, [])
    asset = f"breakeven-{version}-linux-{machine}.tar.gz"
    actual = (folder / f"{asset}.sha256").read_text().split()[0]

    def install(name, with_, runner_arch=arch):
        tools = Path(root) / f"{name}-tools"
        r = WorkflowRun(install_job(root, name, with_), Path(root) / "repo", event("0" * 40, "0" * 40), Path(root) / name,
                        tools, server.url, None, runner_arch)
        r.uses = stubs.handlers(r)
        job = r.run()["install"]
        return job, tools

    server.requests.clear()
    job, tools = install("fresh", {"version": version})
    checks.equal("action: a fresh runner downloads and checks", (job["result"], [p.rsplit("/", 1)[1] for p in server.requests]),
                 ("success", [asset, "SHA256SUMS"]))
    checks.true("action: breakeven on PATH from the tool cache",
                f"runs: {version} from {tools}/breakeven/{version}/{machine}/breakeven" in job["log"], job["log"])
    server.requests.clear()
    job, tools = install("cached", {"version": f"v{version}"})
    checks.equal("action: a cache hit downloads nothing", (job["result"], server.requests), ("success", []))

    # From here on, a runner with an empty cache.
    stubs.caches.clear()
    tampered = server_root(folder) / "tampered"
    tampered.mkdir()
    shutil.copy(folder / asset, tampered / asset)
    (tampered / "SHA256SUMS").write_text(f"{'ab' * 32}  {asset}\n")
    job, tools = install("tampered", {"version": version, "download-url": f"{server.url}/tampered"})
    checks.equal("action: a sum that does not match installs nothing",
                 (job["result"], [a["message"] for a in job["annotations"]], (tools / "breakeven").exists()),
                 ("failure", [f"breakeven: {asset} has SHA-256 {actual}, expected {'ab' * 32}: not installed"], False))
    job, _ = install("pinned", {"version": version, "sha256": "0" * 64})
    checks.equal("action: a pinned sum is checked", [a["message"] for a in job["annotations"]],
                 [f"breakeven: {asset} has SHA-256 {actual}, expected {'0' * 64}: not installed"])
    job, _ = install("arm", {"version": version}, runner_arch="ARM")
    checks.equal("action: an architecture without a binary", [a["message"] for a in job["annotations"]],
                 ["breakeven: no release binary for the ARM architecture (x86_64 and aarch64 only)"])
    job, _ = install("main", {"version": "main"})
    checks.equal("action: a branch is not a release", [a["message"] for a in job["annotations"]],
                 ['breakeven: version "main" is not a release number such as 0.1.0'])
    other = folder.parent / "v9.9.9"
    other.mkdir()
    shutil.copy(folder / asset, other / asset.replace(version, "9.9.9"))
    (other / "SHA256SUMS").write_text(f"{actual}  {asset.replace(version, '9.9.9')}\n")
    job, tools = install("mislabelled", {"version": "9.9.9"})
    checks.equal("action: an archive whose binary is another version", [a["message"] for a in job["annotations"]],
                 [f'breakeven: {tools}/breakeven/9.9.9/{machine}/breakeven says it is version "{version}", expected 9.9.9'])


def server_root(folder):
    """The folder the release server serves: www/ above OWNER/breakeven/releases/download/vX."""
    return Path(folder).parents[4]
