# Build stage: the Rust toolchain, libpq headers for diesel's PostgreSQL backend.
# (SQLite is compiled in, bundled; Swagger UI is vendored into the binary.)
FROM rust:1.95-slim-bookworm AS build
# Exception DL3008 (pin apt versions): the base image fixes the Debian release; pinning
# point versions would break the build at each security update.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The dependencies first, in a layer of their own: a change under src/ does not rebuild them.
COPY Cargo.toml Cargo.lock ./
RUN mkdir src \
 && echo 'fn main() {}' > src/main.rs \
 && touch src/lib.rs \
 && cargo build --release --locked \
 && rm -rf src target/release/.fingerprint/arrears-* target/release/deps/arrears-* target/release/deps/libarrears-*
COPY src ./src
COPY migrations ./migrations
COPY templates ./templates
RUN cargo build --release --locked

# Runtime stage: slim Debian with libpq, running as an unprivileged numeric user.
FROM debian:bookworm-slim
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 arrears \
 && useradd --system --uid 10001 --gid 10001 --create-home --home-dir /var/lib/arrears arrears
COPY --from=build /src/target/release/arrears /usr/local/bin/arrears
USER 10001:10001
WORKDIR /var/lib/arrears
# The SQLite default keeps its database here; mount a volume to keep it across containers.
VOLUME ["/var/lib/arrears"]
ENV ARREARS_BIND=0.0.0.0:8080 \
    DATABASE_URL=sqlite:///var/lib/arrears/arrears.db \
    RUST_LOG=info
EXPOSE 8080
ENTRYPOINT ["arrears"]
CMD ["serve"]
