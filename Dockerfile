# Build stage: the Rust toolchain, libpq headers for diesel's PostgreSQL backend.
# (SQLite is compiled in, bundled; Swagger UI is vendored into the binary.)
FROM rust:1.95-slim-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY migrations ./migrations
RUN cargo build --release --locked

# Runtime stage: slim Debian with libpq, running as an unprivileged user.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --create-home --home-dir /var/lib/arrears arrears
COPY --from=build /src/target/release/arrears /usr/local/bin/arrears
USER arrears
WORKDIR /var/lib/arrears
ENV ARREARS_BIND=0.0.0.0:8080 \
    DATABASE_URL=sqlite:///var/lib/arrears/arrears.db \
    RUST_LOG=info
EXPOSE 8080
ENTRYPOINT ["arrears"]
CMD ["serve"]
