fn main() -> std::process::ExitCode {
    arrears::cli::main()
}
