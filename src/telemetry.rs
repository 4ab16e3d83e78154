//! Logs and traces. Every line is a `tracing` event (`log` records, ours and dependencies', are
//! bridged in), filtered by `RUST_LOG` (default `info`), written as text or, with
//! `ARREARS_LOG_FORMAT=json`, as one JSON object per line. When `OTEL_EXPORTER_OTLP_ENDPOINT` is
//! set, spans are also exported over OTLP/HTTP (protobuf) with the standard `OTEL_*` variables;
//! a request's `traceparent` header then makes its span a child of the caller's.
//! A request's lines carry its span's fields (`api::request_log`).

use opentelemetry::trace::TracerProvider;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// How log lines are written (`ARREARS_LOG_FORMAT`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines (the default).
    Text,
    /// One JSON object per line, with the span's fields (`request_id`, `route`, `user_id`).
    Json,
}

impl LogFormat {
    /// Reads `text` or `json`.
    pub fn parse(value: &str) -> Result<Self, String> {
        match value.trim() {
            "" | "text" => Ok(Self::Text),
            "json" => Ok(Self::Json),
            other => Err(format!(
                "ARREARS_LOG_FORMAT must be text or json (got {other:?})"
            )),
        }
    }
}

/// Keeps the trace exporter alive; dropping it flushes the spans not yet sent.
pub struct Telemetry {
    traces: Option<SdkTracerProvider>,
}

impl Drop for Telemetry {
    fn drop(&mut self) {
        if let Some(provider) = self.traces.take()
            && let Err(e) = provider.shutdown()
        {
            eprintln!("arrears: flushing traces failed: {e}");
        }
    }
}

/// Installs the process's subscriber: the format, the `RUST_LOG` filter, and OTLP export when
/// `otlp_endpoint` is set (the exporter itself reads `OTEL_EXPORTER_OTLP_ENDPOINT` and the other
/// standard variables).
pub fn init(
    format: LogFormat,
    filter: &str,
    otlp_endpoint: Option<&str>,
) -> Result<Telemetry, String> {
    let filter = EnvFilter::try_new(filter).map_err(|e| format!("RUST_LOG: {e}"))?;
    // Logs go to stderr: stdout is the command's output (`openapi`, `migrate`'s count).
    let fmt = match format {
        LogFormat::Text => tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .boxed(),
        LogFormat::Json => tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .boxed(),
    };
    let traces = otlp_endpoint.map(|_| exporter()).transpose()?;
    let otel = traces
        .as_ref()
        .map(|p| tracing_opentelemetry::layer().with_tracer(p.tracer("arrears")));
    if traces.is_some() {
        opentelemetry::global::set_text_map_propagator(
            opentelemetry_sdk::propagation::TraceContextPropagator::new(),
        );
    }
    tracing_subscriber::registry()
        .with(filter)
        .with(fmt)
        .with(otel)
        .try_init()
        .map_err(|e| format!("cannot install the log subscriber: {e}"))?;
    Ok(Telemetry { traces })
}

fn exporter() -> Result<SdkTracerProvider, String> {
    let exporter = opentelemetry_otlp::SpanExporter::builder()
        .with_http()
        .build()
        .map_err(|e| format!("OTEL_EXPORTER_OTLP_ENDPOINT: cannot build the exporter: {e}"))?;
    let mut resource = opentelemetry_sdk::Resource::builder();
    if std::env::var_os("OTEL_SERVICE_NAME").is_none() {
        resource = resource.with_service_name("arrears");
    }
    Ok(SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .with_resource(resource.build())
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(LogFormat::parse("json"), Ok(LogFormat::Json));
        assert_eq!(LogFormat::parse(""), Ok(LogFormat::Text));
        assert_eq!(LogFormat::parse("text"), Ok(LogFormat::Text));
        assert!(
            LogFormat::parse("xml")
                .unwrap_err()
                .contains("ARREARS_LOG_FORMAT")
        );
    }
}
