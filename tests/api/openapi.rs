//! The committed OpenAPI document is what the code generates, and follows our conventions.

use serde_json::Value;

fn generated() -> Value {
    serde_json::from_str(&arrears::openapi::document_json()).unwrap()
}

#[test]
fn committed_document_matches_the_code() {
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json"))
            .unwrap();
    assert!(
        committed == arrears::openapi::document_json(),
        "openapi/openapi.json is stale: run `cargo run -- openapi > openapi/openapi.json`"
    );
}

#[test]
fn every_operation_is_documented_for_generated_clients() {
    let doc = generated();
    let mut ids = std::collections::HashSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let id = op["operationId"]
                .as_str()
                .unwrap_or_else(|| panic!("{method} {path} has no operationId"));
            assert!(
                id.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{id} is not verb_noun"
            );
            assert!(ids.insert(id.to_owned()), "duplicate operationId {id}");
            let responses = op["responses"].as_object().unwrap();
            assert!(
                responses.keys().any(|s| s.starts_with('2')),
                "{method} {path} has no success response"
            );
            assert!(
                responses.contains_key("500"),
                "{method} {path} documents no 500"
            );
            for (status, response) in responses {
                if status.starts_with('4') || status.starts_with('5') {
                    let content = match response.get("$ref").and_then(Value::as_str) {
                        Some(r) => {
                            doc["components"]["responses"][r.rsplit('/').next().unwrap()]["content"]
                                .clone()
                        }
                        None => response["content"].clone(),
                    };
                    assert_eq!(
                        content["application/problem+json"]["schema"]["$ref"],
                        "#/components/schemas/Problem",
                        "{method} {path} {status} is not problem+json"
                    );
                }
            }
            let public = op.get("security") == Some(&serde_json::json!([{}]));
            if path.starts_with("/v1/") && !path.starts_with("/v1/auth/") {
                assert!(
                    !public && responses.contains_key("401") && responses.contains_key("403"),
                    "{method} {path}"
                );
            }
            if method == "post" {
                let params = op["parameters"].as_array().unwrap();
                assert!(
                    params.iter().any(|p| p["name"] == "Idempotency-Key"),
                    "{method} {path}"
                );
            }
        }
    }
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
}

#[test]
fn every_schema_is_named_and_has_an_example() {
    let doc = generated();
    for (name, schema) in doc["components"]["schemas"].as_object().unwrap() {
        let has_example = schema.get("example").is_some()
            || schema.get("examples").is_some()
            || schema["properties"].as_object().is_some_and(|p| {
                p.values().all(|f| {
                    f.get("example").is_some()
                        || f.get("$ref").is_some()
                        || f.get("examples").is_some()
                })
            })
            || schema.get("enum").is_some();
        assert!(has_example, "schema {name} has no example");
    }
}

/// Walks every JSON value of the document with its JSON pointer.
fn walk<'a>(value: &'a Value, pointer: String, visit: &mut impl FnMut(&str, &'a Value)) {
    visit(&pointer, value);
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                walk(v, format!("{pointer}/{k}"), visit);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                walk(v, format!("{pointer}/{i}"), visit);
            }
        }
        _ => {}
    }
}

#[test]
fn every_reference_resolves() {
    let doc = generated();
    let mut dangling = Vec::new();
    walk(&doc, String::new(), &mut |at, v| {
        if let Some(target) = v.get("$ref").and_then(Value::as_str) {
            let pointer = target.trim_start_matches('#');
            if doc.pointer(pointer).is_none() {
                dangling.push(format!("{at} → {target}"));
            }
        }
    });
    assert!(dangling.is_empty(), "dangling references: {dangling:#?}");
}

/// Generated clients name a class per schema: objects and enums must be named components,
/// not written inline in an operation or inside another schema.
#[test]
fn objects_and_enums_are_named_components() {
    let doc = generated();
    let mut inline = Vec::new();
    walk(&doc, String::new(), &mut |at, v| {
        let is_schema = v.get("properties").is_some() || v.get("enum").is_some();
        let top_level = at.starts_with("/components/schemas/") && at.matches('/').count() == 3;
        let is_example = at.contains("/example");
        if is_schema && !top_level && !is_example {
            inline.push(at.to_owned());
        }
    });
    assert!(inline.is_empty(), "inline schemas: {inline:#?}");
}

#[test]
fn a_long_plan_is_documented_as_pending_approval_not_refused() {
    let doc = generated();
    let op = &doc["paths"]["/v1/accounts/{id}/arrangements"]["post"];
    let text = op.to_string();
    assert!(!text.contains("insufficient-authority"), "{text}");
    assert!(
        op["description"]
            .as_str()
            .unwrap()
            .contains("pending_approval")
    );
}

/// utoipa names a component by its type's name: two types of one name would silently share one
/// schema. Every schema's example must validate against its own properties; here the two
/// summaries that once collided.
#[test]
fn types_of_one_name_do_not_share_a_schema() {
    let doc = generated();
    let schemas = &doc["components"]["schemas"];
    for (name, schema) in schemas.as_object().unwrap() {
        let (Some(example), Some(properties)) = (
            schema["example"].as_object(),
            schema["properties"].as_object(),
        ) else {
            continue;
        };
        for key in example.keys() {
            assert!(
                properties.contains_key(key),
                "{name}'s example has {key}, its schema does not"
            );
        }
    }
    assert!(schemas["Summary"]["properties"]["period"].is_object());
    assert!(schemas["ReconciliationSummary"]["properties"]["unmatched_row"].is_object());
}

fn rust_sources(dir: &std::path::Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// Error examples name their operation's real slugs: every problem `type` in an example is a
/// slug the server's code spells out, and an operation whose error names slugs shows each.
#[test]
fn problem_examples_name_real_slugs() {
    let doc = generated();
    let mut code = String::new();
    rust_sources(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut code,
    );
    let mut named = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            for (status, response) in op["responses"].as_object().unwrap() {
                let Some(examples) = response
                    .pointer("/content/application~1problem+json/examples")
                    .and_then(Value::as_object)
                else {
                    continue;
                };
                for (slug, example) in examples {
                    named += 1;
                    let value = &example["value"];
                    assert_eq!(
                        value["type"],
                        format!("https://arrears.dev/problems/{slug}"),
                        "{method} {path} {status}"
                    );
                    assert_eq!(value["status"].to_string(), *status);
                    assert!(
                        code.contains(&format!("\"{slug}\"")),
                        "{method} {path} {status} documents `{slug}`, which the server never answers"
                    );
                }
            }
        }
    }
    assert!(named > 60, "{named} named examples");
    let approve = &doc["paths"]["/v1/approvals/{id}/approve"]["post"]["responses"]["403"];
    let examples = approve
        .pointer("/content/application~1problem+json/examples")
        .unwrap();
    assert!(
        examples.get("four-eyes").is_some() && examples.get("insufficient-authority").is_some()
    );
}

/// Each GET's documented 422 example is what the server answers when its field is wrong.
#[actix_web::test]
async fn each_gets_422_example_is_the_servers_answer() {
    let app = crate::helpers::TestApp::new().await;
    let head = app.token(arrears::domain::role::Role::Head);
    let admin = app.token(arrears::domain::role::Role::Admin);
    let doc = generated();
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        let Some(op) = item.get("get") else { continue };
        if !path.starts_with("/v1/") || path.ends_with("/stream") {
            continue;
        }
        let content = &op["responses"]["422"]["content"]["application/problem+json"];
        assert!(content.is_object(), "GET {path} documents no 422");
        if content.get("examples").is_some() {
            continue; // its own slugs, checked by `problem_examples_name_real_slugs`
        }
        let example = &content["example"];
        let field = example["errors"][0]["field"].as_str().unwrap();
        let message = example["errors"][0]["message"].as_str().unwrap();
        let value = match message {
            m if m.starts_with("unknown query parameter") => "1",
            m if m.starts_with("must be one of") => "zzz",
            "must be a whole number" => "abc",
            "must be true or false" => "maybe",
            "must be a date (YYYY-MM-DD)" => "someday",
            other => panic!("GET {path}: an example the test cannot provoke: {other}"),
        };
        let concrete: Vec<String> = path
            .split('/')
            .map(|s| {
                if s.starts_with('{') {
                    "1".into()
                } else {
                    s.to_owned()
                }
            })
            .collect();
        let url = format!("{}?{field}={value}", concrete.join("/"));
        let mut res = app.get(&url, Some(&head)).await;
        if res.status.as_u16() == 403 {
            res = app.get(&url, Some(&admin)).await;
        }
        let problem = res.expect(422);
        assert_eq!(problem["detail"], example["detail"], "GET {url}");
        checked += 1;
    }
    assert!(checked > 50, "only {checked} GETs checked");
}

/// Each GET's documented 404 example is what the server answers for an id that is not there.
#[actix_web::test]
async fn each_gets_404_example_is_the_servers_answer() {
    let app = crate::helpers::TestApp::new().await;
    let head = app.token(arrears::domain::role::Role::Head);
    let admin = app.token(arrears::domain::role::Role::Admin);
    let doc = generated();
    let mut wrong = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        let Some(op) = item.get("get") else { continue };
        let content = &op["responses"]["404"]["content"]["application/problem+json"];
        if !path.contains('{') || content.get("examples").is_some() {
            continue;
        }
        let concrete: Vec<&str> = path
            .split('/')
            .map(|s| if s.starts_with('{') { "999999" } else { s })
            .collect();
        let url = concrete.join("/");
        let mut res = app.get(&url, Some(&head)).await;
        if res.status.as_u16() == 403 {
            res = app.get(&url, Some(&admin)).await;
        }
        let problem = res.expect(404);
        if problem["detail"] != content["example"]["detail"] {
            wrong.push(format!(
                "GET {url}: {} ≠ {}",
                problem["detail"], content["example"]["detail"]
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Each write's documented 422 example (a required field missing) is what `{}` gets.
#[actix_web::test]
async fn each_writes_422_example_is_the_servers_answer() {
    use arrears::domain::role::Role;
    let app = crate::helpers::TestApp::new().await;
    let tokens = [Role::Head, Role::Admin, Role::Agent].map(|r| app.token(r));
    let doc = generated();
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let content = &op["responses"]["422"]["content"]["application/problem+json"];
            let detail = &content["example"]["detail"];
            if !detail.as_str().is_some_and(|d| d.contains("missing field")) {
                continue;
            }
            let url = path
                .split('/')
                .map(|s| if s.starts_with('{') { "1" } else { s })
                .collect::<Vec<_>>()
                .join("/");
            let method =
                actix_web::http::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let mut answer = None;
            for token in &tokens {
                let req = crate::helpers::TestApp::req(method.clone(), &url, Some(token))
                    .set_json(serde_json::json!({}));
                let res = app.call(req).await;
                if res.status.as_u16() != 403 {
                    answer = Some(res);
                    break;
                }
            }
            let problem = answer.unwrap().expect(422);
            assert_eq!(&problem["detail"], detail, "{method} {url}");
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} writes checked");
}

/// A string a client sends has a documented length limit, inside arrays too.
#[test]
fn strings_clients_send_are_bounded_inside_arrays_too() {
    let doc = generated();
    let mut unbounded = Vec::new();
    for (name, schema) in doc["components"]["schemas"].as_object().unwrap() {
        let sent = name.ends_with("Request") || name.ends_with("Update") || name == "Criteria";
        let Some(properties) = schema["properties"].as_object().filter(|_| sent) else {
            continue;
        };
        for (property, p) in properties {
            let items = &p["items"];
            let is_string = items["type"] == "string" || items["type"][0] == "string";
            if is_string && items.get("maxLength").is_none() && items.get("enum").is_none() {
                unbounded.push(format!("{name}.{property}[]"));
            }
        }
    }
    assert!(unbounded.is_empty(), "{unbounded:?}");
}
