//! No field name can collide with a local of the expansion: fields named after every local
//! a derive might introduce, in messages, `fields`, `details`, `retry_after` and
//! `transparent` variants, compile and render.
#![deny(warnings)]

use error_core::format::Flat;
use error_core::{ApiError, FieldError, FieldErrors, RenderContext, Timestamp};

#[derive(ApiError)]
#[api(format = Flat)]
enum Inner {
    #[api(status = 409, message = "Taken by {sink}.")]
    Taken { sink: u32 },
}

#[derive(ApiError)]
#[api(format = Flat)]
enum Error {
    #[api(
        status = 400,
        message = "{sink} {f} {out} {buf} {ctx} {value} {fmt} {status} {code} {message} {entry} \
                   {e} {err} {key} {s} {writer} {formatter} {result} {view} {this} {self_}."
    )]
    Named {
        sink: u8,
        f: u8,
        out: u8,
        buf: &'static str,
        ctx: char,
        value: u8,
        fmt: u8,
        status: u16,
        code: &'static str,
        message: &'static str,
        entry: u8,
        e: u8,
        err: u8,
        key: u8,
        s: u8,
        writer: u8,
        formatter: u8,
        result: u8,
        view: u8,
        this: u8,
        self_: u8,
    },
    #[api(status = 422, message = "Invalid: {sink}.")]
    Fields {
        sink: String,
        #[api(fields)]
        remote: FieldErrors,
    },
    #[api(status = 429, message = "Slow down, {code}.")]
    Slow {
        code: String,
        #[api(retry_after)]
        inner: u64,
    },
    #[api(status = 402, message = "Pay {build}.")]
    Pay {
        build: u8,
        #[api(details)]
        probe: Vec<u8>,
    },
    #[api(transparent)]
    Wrapped { sink: Inner },
}

fn main() {
    let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
    let json = |err: &Error| String::from_utf8(err.to_json(&ctx)).unwrap();
    let named = Error::Named {
        sink: 1,
        f: 2,
        out: 3,
        buf: "b\"",
        ctx: 'c',
        value: 4,
        fmt: 5,
        status: 6,
        code: "c",
        message: "m",
        entry: 7,
        e: 8,
        err: 9,
        key: 10,
        s: 11,
        writer: 12,
        formatter: 13,
        result: 14,
        view: 15,
        this: 16,
        self_: 17,
    };
    assert_eq!(
        json(&named),
        r#"{"success":false,"status":400,"message":"1 2 3 b\" c 4 5 6 c m 7 8 9 10 11 12 13 14 15 16 17.","meta":{"timestamp":"1970-01-01T00:00:00.000Z"}}"#
    );
    let fields = Error::Fields {
        sink: "s".into(),
        remote: FieldErrors::new().with(FieldError::missing("email")),
    };
    assert_eq!(
        json(&fields),
        r#"{"success":false,"status":422,"message":"Invalid: s.","errors":[{"field":"email","message":"email is required."}],"meta":{"timestamp":"1970-01-01T00:00:00.000Z"}}"#
    );
    let slow = Error::Slow { code: "k".into(), inner: 3 };
    assert_eq!(slow.retry_after(), Some(std::time::Duration::from_secs(3)));
    assert_eq!(slow.message(), "Slow down, k.");
    let pay = Error::Pay { build: 2, probe: vec![1] };
    assert_eq!(
        json(&pay),
        r#"{"success":false,"status":402,"message":"Pay 2.","details":[1],"meta":{"timestamp":"1970-01-01T00:00:00.000Z"}}"#
    );
    let wrapped = Error::Wrapped { sink: Inner::Taken { sink: 4 } };
    assert_eq!(
        json(&wrapped),
        r#"{"success":false,"status":409,"message":"Taken by 4.","meta":{"timestamp":"1970-01-01T00:00:00.000Z"}}"#
    );
}
