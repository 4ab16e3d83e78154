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
    /// The methods `path` answers to, if any route matches it. When several templates match
    /// (`/v1/accounts/import` and `/v1/accounts/{id}`), the one with the fewest parameters wins,
    /// as it names the resource more exactly.
    pub fn allowed(&self, path: &str) -> Option<Vec<String>> {
        let wanted = segments(path);
        let is_param = |t: &String| t.starts_with('{') && t.ends_with('}');
        let best = self
            .routes
            .iter()
            .filter(|(template, _)| {
                template.len() == wanted.len()
                    && template
                        .iter()
                        .zip(&wanted)
                        .all(|(t, w)| is_param(t) || t == w)
            })
            .min_by_key(|(template, _)| template.iter().filter(|t| is_param(t)).count())?;
        Some(best.1.clone())
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
        let table = RouteTable {
            routes: vec![
                (
                    segments("/v1/accounts/{id}"),
                    vec!["GET".into(), "PATCH".into()],
                ),
                (segments("/v1/accounts/import"), vec!["POST".into()]),
            ],
        };
        assert_eq!(
            table.allowed("/v1/accounts/import"),
            Some(vec!["POST".into()])
        );
        assert_eq!(
            table.allowed("/v1/accounts/12"),
            Some(vec!["GET".into(), "PATCH".into()])
        );
    }
}
