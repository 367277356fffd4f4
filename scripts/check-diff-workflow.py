#!/usr/bin/env python3
"""The example workflow (examples/github-actions/breakeven-diff.yml) and the install action
(action.yml) run end to end here, with fake pull_request events.

A temporary git repository gets a base and a head commit (a scenario whose guardrail breaks, an
invalid one, names with a space and non-ASCII, `a--b` beside `a-b`, a deletion, the schema); the
workflow's `run:` steps run in bash as the runner runs them, breakeven installed by action.yml
from a release packed by scripts/pack-release.sh and served on 127.0.0.1; checkout, cache,
artifacts and github-script are stubs (scripts/workflow/stubs.py), github-script's JavaScript
runs under node against an in-memory comments API. Checks the comments posted and updated, the
annotations, the job results, and the policy (pinned actions, permissions, no credentials).

Usage: scripts/check-diff-workflow.py [BIN_DIR]   (default: .build/release; needs git, node,
python3 with PyYAML). Prints "N passed, M failed"; exits 1 when a check fails.
"""
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts" / "workflow"))

from runner import WorkflowRun, load  # noqa: E402
from stubs import GitHubStubs, ReleaseServer  # noqa: E402
from workflow_cases import Checks, FakeRepository, action_runs, policy_checks, pull_request_runs  # noqa: E402

WORKFLOW = REPO / "examples" / "github-actions" / "breakeven-diff.yml"
GOLDEN = REPO / "Tests" / "BreakevenReportsTests" / "Golden"
ARCH = {"x86_64": "X64", "aarch64": "ARM64"}


def release(root, bin_dir, version):
    """The release as GitHub would serve it: the archive, its .sha256 and SHA256SUMS."""
    folder = root / "www" / "OWNER" / "breakeven" / "releases" / "download" / f"v{version}"
    subprocess.run([str(REPO / "scripts" / "pack-release.sh"), str(bin_dir), version, str(folder)], check=True,
                   stdout=subprocess.DEVNULL)
    sums = "".join(p.read_text() for p in sorted(folder.glob("*.sha256")))
    (folder / "SHA256SUMS").write_text(sums)
    return folder


def main():
    bin_dir = Path(sys.argv[1] if len(sys.argv) > 1 else REPO / ".build" / "release").resolve()
    if not (bin_dir / "breakeven").exists():
        sys.exit(f"check-diff-workflow: no breakeven in {bin_dir}: build it first (swift build -c release)")
    if shutil.which("node") is None:
        sys.exit("check-diff-workflow: node is needed to run the workflow's github-script")
    machine = subprocess.run(["uname", "-m"], capture_output=True, text=True, check=True).stdout.strip()
    arch = ARCH[machine]
    checks = Checks()
    workflow = load(WORKFLOW)
    version = workflow["env"]["BREAKEVEN_VERSION"]
    built = subprocess.run([str(bin_dir / "breakeven"), "--version"], capture_output=True, text=True).stdout.strip()
    checks.equal("the example installs the version this tree builds", version, built)
    policy_checks(checks, WORKFLOW, [REPO / "action.yml", REPO / ".github" / "workflows" / "release.yml"], version)

    with tempfile.TemporaryDirectory(prefix="breakeven-workflow-") as tmp:
        root = Path(tmp)
        folder = release(root, bin_dir, version)
        server = ReleaseServer(root / "www")
        try:
            repo = FakeRepository(root / "repo", GOLDEN)
            comments = [
                {"id": 1, "issue_number": 7, "user": {"login": "github-actions[bot]"}, "body": "<!-- breakeven-diff: scenarios/support.json -->\nold"},
                # Someone else's comment with a marker in it: never edited.
                {"id": 2, "issue_number": 7, "user": {"login": "mallory"}, "body": "<!-- breakeven-diff: scenarios/my%20plan.json -->\nmine"},
                # The marker before it was percent-encoded: a-b and a--b both wrote it.
                {"id": 3, "issue_number": 7, "user": {"login": "github-actions[bot]"}, "body": "<!-- breakeven-diff: a-b -->\nold"},
                # Another pull request's comment.
                {"id": 4, "issue_number": 8, "user": {"login": "github-actions[bot]"}, "body": "<!-- breakeven-diff: scenarios/support.json -->\nold"},
            ]
            stubs = GitHubStubs(root, REPO, comments)

            def run(name, pr_event, tool_cache=None):
                r = WorkflowRun(WORKFLOW, repo.path, pr_event, root / name, tool_cache or root / f"{name}-tools",
                                server.url, None, arch)
                r.uses = stubs.handlers(r)
                return r, r.run()

            pull_request_runs(checks, run, repo, stubs, server, f"breakeven-{version}-linux-{machine}.tar.gz")
            action_runs(checks, root, folder, server, arch, version, machine, REPO)
        finally:
            server.close()
    print(f"{checks.passed} passed, {checks.failed} failed")
    sys.exit(1 if checks.failed else 0)


if __name__ == "__main__":
    main()
