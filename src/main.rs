/// mimalloc returns freed memory to the system; glibc's malloc kept argon2's 19 MiB buffers per
/// thread after a sign-in flood (`bench/README.md` has the measurement).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    arrears::cli::main()
}
