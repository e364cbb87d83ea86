//! The error reference generated from a catalogue: exact pages, the example bodies, and the
//! checked-in pages of the example catalogues, which must not drift from the code.

use std::collections::BTreeSet;
use std::path::PathBuf;

use error_core::docs::{self, pretty_json, Reference, Sample};
use error_core::{ApiError, FieldError, FieldErrors, RenderContext, Timestamp};

// The page list of the `catalogue` binary, so that this test regenerates exactly what the
// command writes.
#[path = "../../error-examples/src/bin/catalogue.rs"]
#[allow(dead_code)]
mod catalogue;

const REGENERATE: &str = "cargo run -p error-examples --bin catalogue";

fn docs_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../error-examples/docs")
}

#[test]
fn checked_in_pages_match_the_catalogues() {
    for page in catalogue::pages() {
        let path = docs_dir().join(page.file);
        let checked_in = std::fs::read_to_string(&path).unwrap_or_else(|error| {
            panic!(
                "cannot read {} ({error}); generate it with `{REGENERATE}`",
                path.display()
            )
        });
        if checked_in != page.markdown {
            let (line, (old, new)) = checked_in
                .lines()
                .chain(std::iter::repeat("<end of file>"))
                .zip(
                    page.markdown
                        .lines()
                        .chain(std::iter::repeat("<end of file>")),
                )
                .enumerate()
                .find(|(_, (old, new))| old != new)
                .unwrap_or((0, ("", "")));
            panic!(
                "{} is out of date with its catalogue; regenerate it with `{REGENERATE}`.\n\
                 first difference, line {}:\n  checked in: {old}\n  generated:  {new}",
                path.display(),
                line + 1
            );
        }
    }
}

#[test]
fn every_example_catalogue_has_exactly_one_page() {
    let generated: BTreeSet<String> = catalogue::pages()
        .into_iter()
        .map(|page| page.file.to_owned())
        .collect();
    assert_eq!(
        generated.len(),
        error_examples::catalogues::all().len(),
        "a catalogue without a page: add it to error-examples/src/bin/catalogue.rs"
    );
    let on_disk: BTreeSet<String> = std::fs::read_dir(docs_dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".md"))
        .collect();
    assert_eq!(
        on_disk, generated,
        "error-examples/docs holds a page no catalogue generates, or lacks one; run `{REGENERATE}` and remove stale pages"
    );
}

// Only the catalogue is read: some variants are never built.
#[allow(dead_code)]
#[derive(Debug, ApiError)]
#[api(type_base = "https://errors.example.com/")]
enum ShopError {
    #[api(
        status = 404,
        code = "order/not-found",
        message = "Order {id} was not found.",
        action = "Check the order id."
    )]
    OrderNotFound { id: u64 },

    #[api(
        status = 404,
        code = "customer/not-found",
        message = "No such customer.",
        action = "Check the customer id."
    )]
    CustomerNotFound,

    #[api(
        status = 422,
        code = "invalid_order",
        message = "The order is invalid."
    )]
    Invalid(#[api(fields)] FieldErrors),

    #[api(
        status = 401,
        code = "bad_key",
        message = "Use a *valid* key | token.",
        www_authenticate = "Bearer"
    )]
    BadKey,

    #[api(transparent)]
    Billing(BillingError),
}

#[allow(dead_code)]
#[derive(Debug, ApiError)]
enum BillingError {
    #[api(
        status = 402,
        code = "payment_required",
        message = "Your credit balance is too low.",
        action = "Top up your credits."
    )]
    PaymentRequired,
}

const SHOP_PAGE: &str = r##"# ShopError

Every error is answered with its HTTP status and a body of type `application/problem+json`. The examples are rendered at a fixed time. `{name}` in a message stands for a value filled in at run time.

## Status codes

| Status | Meaning | Errors | What to do |
| --- | --- | --- | --- |
| `401` | Unauthorized | `bad_key` | — |
| `402` | Payment Required | `payment_required` | Top up your credits. |
| `404` | Not Found | `order/not-found`, `customer/not-found` | Check the order id. Check the customer id. |
| `422` | Unprocessable Content | `invalid_order` | — |

## Errors

### `order/not-found`

- Status: `404 Not Found`
- Message: Order {id} was not found.
- Suggested action: Check the order id.

```json
{
  "type": "https://errors.example.com/order/not-found",
  "title": "Not Found",
  "status": 404,
  "detail": "Order {id} was not found.",
  "code": "order/not-found"
}
```

### `customer/not-found`

- Status: `404 Not Found`
- Message: No such customer.
- Suggested action: Check the customer id.

```json
{
  "type": "https://errors.example.com/customer/not-found",
  "title": "Not Found",
  "status": 404,
  "detail": "No such customer.",
  "code": "customer/not-found"
}
```

### `invalid_order`

- Status: `422 Unprocessable Content`
- Message: The order is invalid.

```json
{
  "type": "https://errors.example.com/invalid_order",
  "title": "Unprocessable Content",
  "status": 422,
  "detail": "The order is invalid.",
  "code": "invalid_order",
  "errors": [
    {
      "detail": "field_name is required.",
      "pointer": "#/field_name"
    }
  ]
}
```

### `bad_key`

- Status: `401 Unauthorized`
- Message: Use a \*valid\* key \| token.
- `WWW-Authenticate`: `Bearer`

```json
{
  "type": "https://errors.example.com/bad_key",
  "title": "Unauthorized",
  "status": 401,
  "detail": "Use a *valid* key | token.",
  "code": "bad_key"
}
```

### `payment_required`

- Status: `402 Payment Required`
- Message: Your credit balance is too low.
- Suggested action: Top up your credits.

```json
{
  "type": "https://errors.example.com/payment_required",
  "title": "Payment Required",
  "status": 402,
  "detail": "Your credit balance is too low.",
  "code": "payment_required"
}
```
"##;

#[test]
fn page_from_the_catalogue_alone() {
    assert_eq!(docs::markdown::<ShopError>(), SHOP_PAGE);
}

#[test]
fn page_without_placeholders() {
    assert_eq!(
        docs::markdown::<BillingError>(),
        r#"# BillingError

Every error is answered with its HTTP status and a body of type `application/problem+json`. The examples are rendered at a fixed time.

## Status codes

| Status | Meaning | Errors | What to do |
| --- | --- | --- | --- |
| `402` | Payment Required | `payment_required` | Top up your credits. |

## Errors

### `payment_required`

- Status: `402 Payment Required`
- Message: Your credit balance is too low.
- Suggested action: Top up your credits.

```json
{
  "type": "about:blank",
  "title": "Payment Required",
  "status": 402,
  "detail": "Your credit balance is too low.",
  "code": "payment_required"
}
```
"#
    );
}

#[test]
fn examples_replace_the_catalogue_bodies_of_their_variants() {
    let invalid = ShopError::Invalid(FieldErrors::new().with(FieldError::missing("items.0.sku")));
    let order = ShopError::OrderNotFound { id: 7 };
    let page = Reference::<ShopError>::new()
        .title("Shop API errors")
        .intro("Errors of the shop.")
        .context(RenderContext::at(Timestamp::from_unix_millis(0)).with_request_id("req-1"))
        .example(&invalid)
        .example(&order)
        .render();

    let expected = SHOP_PAGE
        .replace("# ShopError\n", "# Shop API errors\n\nErrors of the shop.\n")
        .replace(
            "  \"detail\": \"Order {id} was not found.\",\n  \"code\": \"order/not-found\"\n",
            "  \"detail\": \"Order 7 was not found.\",\n  \"code\": \"order/not-found\",\n  \"request_id\": \"req-1\"\n",
        )
        .replace(
            "      \"detail\": \"field_name is required.\",\n      \"pointer\": \"#/field_name\"\n    }\n  ]\n",
            "      \"detail\": \"items.0.sku is required.\",\n      \"pointer\": \"#/items/0/sku\"\n    }\n  ],\n  \"request_id\": \"req-1\"\n",
        )
        .replace("  \"code\": \"customer/not-found\"\n", "  \"code\": \"customer/not-found\",\n  \"request_id\": \"req-1\"\n")
        .replace("  \"code\": \"bad_key\"\n", "  \"code\": \"bad_key\",\n  \"request_id\": \"req-1\"\n")
        .replace("  \"code\": \"payment_required\"\n", "  \"code\": \"payment_required\",\n  \"request_id\": \"req-1\"\n");
    assert_eq!(page, expected);
}

#[test]
fn a_sample_renders_the_template_escaped() {
    // Only the catalogue entry is used: no value is built.
    #[allow(dead_code)]
    #[derive(ApiError)]
    #[api(format = error_core::format::Flat, version = "v1")]
    enum E {
        #[api(status = 409, code = "dup", message = "Say \"{name}\"\\ </script>")]
        Duplicate { name: String },
    }

    let sample = Sample::<E>::new(&E::CATALOGUE[0]);
    let body = sample.to_json(&RenderContext::at(docs::EXAMPLE_TIME));
    assert_eq!(
        String::from_utf8(body.clone()).unwrap(),
        r#"{"success":false,"status":409,"message":"Say \"{name}\"\\ </script>","meta":{"timestamp":"2026-02-08T12:00:00.000Z","version":"v1"}}"#
    );
    let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(value["message"], "Say \"{name}\"\\ </script>");
    assert_eq!(sample.status(), 409);
    assert_eq!(sample.code(), "dup");
}

#[test]
fn pretty_json_keeps_order_and_strings() {
    assert_eq!(
        pretty_json(br#"{"z":1,"a":{"s":"{[,:]}\"x\\","e":{},"l":[]},"n":[1,{"k":null}]}"#),
        concat!(
            "{\n",
            "  \"z\": 1,\n",
            "  \"a\": {\n",
            "    \"s\": \"{[,:]}\\\"x\\\\\",\n",
            "    \"e\": {},\n",
            "    \"l\": []\n",
            "  },\n",
            "  \"n\": [\n",
            "    1,\n",
            "    {\n",
            "      \"k\": null\n",
            "    }\n",
            "  ]\n",
            "}"
        )
    );
}
