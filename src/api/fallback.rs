//! Answers for requests no route takes: 405 with `Allow` when the path exists under another
//! method, 404 otherwise. The table of paths comes from the OpenAPI document, which
//! utoipa-actix-web builds from the very routes registered, so the two cannot drift apart.

use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::ApiError;

/// Every documented path template with its methods.
#[derive(Debug, Clone, Default)]
pub struct RouteTable {
    routes: Vec<(Vec<String>, Vec<String>)>,
}

impl RouteTable {
    pub fn from_openapi(doc: &serde_json::Value) -> Self {
        let mut routes = Vec::new();
        if let Some(paths) = doc.get("paths").and_then(|p| p.as_object()) {
            for (path, item) in paths {
                let methods: Vec<String> = item
                    .as_object()
                    .map(|o| {
                        o.keys()
                            .filter(|k| {
                                ["get", "put", "post", "delete", "patch"].contains(&k.as_str())
                            })
                            .map(|k| k.to_uppercase())
                            .collect()
                    })
                    .unwrap_or_default();
                routes.push((segments(path), methods));
            }
        }
        // The documentation routes.
        routes.push((segments("/openapi.json"), vec!["GET".into()]));
        Self { routes }
    }

    /// The methods `path` answers to, if any route matches it.
    pub fn allowed(&self, path: &str) -> Option<Vec<String>> {
        let wanted = segments(path);
        let mut allow: Vec<String> = Vec::new();
        for (template, methods) in &self.routes {
            let matches = template.len() == wanted.len()
                && template
                    .iter()
                    .zip(&wanted)
                    .all(|(t, w)| (t.starts_with('{') && t.ends_with('}')) || t == w);
            if matches {
                for m in methods {
                    if !allow.contains(m) {
                        allow.push(m.clone());
                    }
                }
            }
        }
        (!allow.is_empty()).then_some(allow)
    }
}

fn segments(path: &str) -> Vec<String> {
    path.trim_end_matches('/')
        .split('/')
        .map(str::to_owned)
        .collect()
}

/// The app's default service.
pub async fn not_routed(
    req: HttpRequest,
    table: web::Data<RouteTable>,
) -> Result<HttpResponse, ApiError> {
    Err(match table.allowed(req.path()) {
        Some(allow) => ApiError::MethodNotAllowed { allow },
        None => ApiError::NotFound(format!("no route matches {}", req.path())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_templates() {
        let table = RouteTable {
            routes: vec![
                (segments("/v1/users"), vec!["GET".into(), "POST".into()]),
                (
                    segments("/v1/users/{id}"),
                    vec!["GET".into(), "PATCH".into()],
                ),
            ],
        };
        assert_eq!(
            table.allowed("/v1/users/7"),
            Some(vec!["GET".into(), "PATCH".into()])
        );
        assert_eq!(
            table.allowed("/v1/users"),
            Some(vec!["GET".into(), "POST".into()])
        );
        assert_eq!(table.allowed("/v1/nothing"), None);
        assert_eq!(table.allowed("/v1/users/7/extra"), None);
    }
}
