#!/usr/bin/env python3
"""Does the last stage of a Dockerfile by hand in a Debian root (chroot), where no container
engine runs: RUN in /bin/sh -c with the stage's ENV, COPY --from=STAGE from a folder that holds
what that stage built, ENV, WORKDIR and USER remembered; ENTRYPOINT printed. Instructions it does
not know stop it, so the Dockerfile cannot drift from what was checked.

Usage: scripts/dockerfile_stage.py DOCKERFILE ROOT STAGE:PATH=FOLDER...
  e.g. scripts/dockerfile_stage.py Dockerfile .bare-debian-image build:/opt/breakeven=/tmp/unpacked
Prints KEY=VALUE lines for the ENV, USER, WORKDIR and ENTRYPOINT it ended with.
"""
import json
import os
import shlex
import shutil
import subprocess
import sys


def instructions(text):
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    out, current = [], ""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#") or (not stripped and not current):
            continue
        current += line.rstrip()[:-1] + " " if line.rstrip().endswith("\\") else line
        if not line.rstrip().endswith("\\"):
            word, _, rest = current.strip().partition(" ")
            out.append((word.upper(), rest.strip()))
            current = ""
    return out


def substitute(text, args):
    for key, value in args.items():
        text = text.replace("${" + key + "}", value).replace("$" + key, value)
    return text


def env_pairs(text):
    words = shlex.split(text)
    return dict(w.split("=", 1) for w in words)


def home(root, uid):
    with open(os.path.join(root, "etc", "passwd"), encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split(":")
            if fields[2] == uid or fields[0] == uid:
                return fields[5]
    return "/"


def main():
    dockerfile, root, *copies = sys.argv[1:]
    sources = {}
    for c in copies:
        key, folder = c.split("=", 1)
        sources[key] = folder
    steps = instructions(open(dockerfile, encoding="utf-8").read())
    args = {}
    last_from = max(i for i, (word, _) in enumerate(steps) if word == "FROM")
    for word, rest in steps[:last_from]:
        if word == "ARG" and "=" in rest:
            key, value = rest.split("=", 1)
            args[key] = value
    env = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root"}
    user, workdir, entrypoint = "0:0", "/", None
    print(f"# FROM {substitute(steps[last_from][1], args)}: {root}", file=sys.stderr)
    for word, rest in steps[last_from + 1:]:
        print(f"# {word} {rest}", file=sys.stderr)
        if word == "RUN":
            command = ["chroot", f"--userspec={user}", root, "/usr/bin/env", "-i",
                       *[f"{k}={v}" for k, v in env.items()], "/bin/sh", "-c", f"cd {shlex.quote(workdir)} && {rest}"]
            subprocess.run(command, check=True)
        elif word == "COPY":
            parts = shlex.split(rest)
            stage = next(p.split("=", 1)[1] for p in parts if p.startswith("--from="))
            source, target = [p for p in parts if not p.startswith("--")]
            folder = sources[f"{stage}:{source}"]
            destination = os.path.join(root, target.lstrip("/"))
            shutil.rmtree(destination, ignore_errors=True)
            shutil.copytree(folder, destination, symlinks=True)
        elif word == "ENV":
            env.update({k: substitute(v, env) for k, v in env_pairs(rest).items()})
        elif word == "WORKDIR":
            workdir = rest
            os.makedirs(os.path.join(root, rest.lstrip("/")), exist_ok=True)
        elif word == "USER":
            user = rest if ":" in rest else f"{rest}:{rest}"
            # Docker takes HOME from the user's line in /etc/passwd, "/" when it has none.
            env["HOME"] = home(root, user.split(":")[0])
        elif word == "ENTRYPOINT":
            entrypoint = json.loads(rest)
        elif word in ("CMD", "LABEL", "EXPOSE"):
            pass
        else:
            sys.exit(f"dockerfile_stage: {word} is not done by hand here: check it, then teach this script")
    for key, value in env.items():
        print(f"ENV_{key}={value}")
    print(f"USER={user}")
    print(f"WORKDIR={workdir}")
    print(f"ENTRYPOINT={' '.join(entrypoint or [])}")


if __name__ == "__main__":
    main()
