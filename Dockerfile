# breakeven in a small image: the release binary built by scripts/build-release.sh (Swift's
# runtime, Foundation, SQLite and libstdc++ linked in: it needs only the C library) with its
# catalog bundle, on Debian slim, with git for `breakeven diff --against`.
#
#   docker build -t breakeven .
#   docker run --rm -v "$PWD:/work" -u "$(id -u):$(id -g)" breakeven run scenarios/x.json --out reports
#
# The run history goes to /var/lib/breakeven (mount a volume there to keep it; --no-history to
# write none). scripts/bare-debian-check.sh does this file's steps by hand in a debootstrapped
# Debian, where no container engine is at hand.
ARG SWIFT_IMAGE=swift:6.3-bookworm
ARG BASE_IMAGE=debian:bookworm-slim

FROM ${SWIFT_IMAGE} AS build
# Swift's Debian image has libsqlite3-dev (libsqlite3.a) and libstdc++-12-dev (libstdc++.a);
# installed here too, so that the build says so if an image ever lacks them.
RUN apt-get update -q \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libsqlite3-dev libstdc++-12-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN scripts/build-release.sh \
    && mkdir -p /opt/breakeven \
    && tar -xzf dist/breakeven-*-linux-*.tar.gz -C /opt/breakeven --strip-components=1

FROM ${BASE_IMAGE}
RUN apt-get update -q \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends git \
    && rm -rf /var/lib/apt/lists/* \
    && git config --system --add safe.directory /work \
    && mkdir -p -m 1777 /var/lib/breakeven /work
COPY --from=build /opt/breakeven /opt/breakeven
ENV PATH=/opt/breakeven:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    XDG_DATA_HOME=/var/lib/breakeven
WORKDIR /work
USER 65534:65534
ENTRYPOINT ["breakeven"]
CMD ["--help"]
