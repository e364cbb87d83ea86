//! The `google.rpc.Code` values and their pairing with HTTP statuses, in one table.

use std::fmt;

/// A `google.rpc.Code` (the gRPC status code), with its canonical name and its pairing with
/// HTTP statuses.
///
/// This type needs no feature: the AIP-193 JSON format writes [`Code::name`] as its `status`
/// member. With the `tonic` feature it converts to and from `tonic::Code`.
///
/// # The mapping
///
/// [`Code::from_http`] gives the code an error's HTTP status maps to: the pairs of
/// `google/rpc/code.proto` and of Google's API design guide (its "Errors" table), then the
/// closest code for the statuses they do not name. [`Code::http_status`] is the other way,
/// the status `code.proto` names for each code. [`Code::pairs_with`] says which statuses a
/// code may stand beside, so that a variant overriding its code (`ABORTED` on a 409 instead
/// of `ALREADY_EXISTS`) can be checked at compile time.
///
/// | code | name | canonical HTTP | also pairs with |
/// |---|---|---|---|
/// | 0 | `OK` | 200 | |
/// | 1 | `CANCELLED` | 499 | |
/// | 2 | `UNKNOWN` | 500 | |
/// | 3 | `INVALID_ARGUMENT` | 400 | 406, 411, 414, 415, 422, 431 |
/// | 4 | `DEADLINE_EXCEEDED` | 504 | 408 |
/// | 5 | `NOT_FOUND` | 404 | 410 |
/// | 6 | `ALREADY_EXISTS` | 409 | |
/// | 7 | `PERMISSION_DENIED` | 403 | 451 |
/// | 8 | `RESOURCE_EXHAUSTED` | 429 | 413, 507 |
/// | 9 | `FAILED_PRECONDITION` | 400 | 402, 412, 417, 423, 424, 426, 428, every 4xx not named here |
/// | 10 | `ABORTED` | 409 | |
/// | 11 | `OUT_OF_RANGE` | 400 | 416 |
/// | 12 | `UNIMPLEMENTED` | 501 | 405, 505 |
/// | 13 | `INTERNAL` | 500 | every 5xx not named here |
/// | 14 | `UNAVAILABLE` | 503 | 425, 502 |
/// | 15 | `DATA_LOSS` | 500 | |
/// | 16 | `UNAUTHENTICATED` | 401 | 511 |
///
/// From HTTP, a status maps to the first code of its row in this order: 400 is
/// `INVALID_ARGUMENT` (not `FAILED_PRECONDITION` or `OUT_OF_RANGE`), 409 `ALREADY_EXISTS`
/// (a conflict is not retried; `ABORTED` is, so it must be asked for), 500 `INTERNAL`.
///
/// ```
/// use error_core::grpc::Code;
///
/// assert_eq!(Code::from_http(404), Code::NotFound);
/// assert_eq!(Code::from_http(422), Code::InvalidArgument);
/// assert_eq!(Code::from_http(409).name(), "ALREADY_EXISTS");
/// assert_eq!(Code::Aborted.http_status(), 409);
/// // A 409 variant may say ABORTED instead; a 404 may not.
/// assert!(Code::Aborted.pairs_with(409));
/// assert!(!Code::Aborted.pairs_with(404));
/// // Usable in `const` context, as a derive's compile-time check.
/// const _: () = assert!(Code::FailedPrecondition.pairs_with(400));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(i32)]
pub enum Code {
    /// `OK` (0): not an error.
    Ok = 0,
    /// `CANCELLED` (1): the caller cancelled the operation.
    Cancelled = 1,
    /// `UNKNOWN` (2).
    Unknown = 2,
    /// `INVALID_ARGUMENT` (3): the request is wrong whatever the system's state.
    InvalidArgument = 3,
    /// `DEADLINE_EXCEEDED` (4).
    DeadlineExceeded = 4,
    /// `NOT_FOUND` (5).
    NotFound = 5,
    /// `ALREADY_EXISTS` (6): what the client tried to create exists.
    AlreadyExists = 6,
    /// `PERMISSION_DENIED` (7).
    PermissionDenied = 7,
    /// `RESOURCE_EXHAUSTED` (8): a quota or rate limit.
    ResourceExhausted = 8,
    /// `FAILED_PRECONDITION` (9): the system is not in the state the operation needs.
    FailedPrecondition = 9,
    /// `ABORTED` (10): a concurrency conflict; retry the whole read-modify-write.
    Aborted = 10,
    /// `OUT_OF_RANGE` (11).
    OutOfRange = 11,
    /// `UNIMPLEMENTED` (12).
    Unimplemented = 12,
    /// `INTERNAL` (13).
    Internal = 13,
    /// `UNAVAILABLE` (14): transient; retrying may help.
    Unavailable = 14,
    /// `DATA_LOSS` (15).
    DataLoss = 15,
    /// `UNAUTHENTICATED` (16).
    Unauthenticated = 16,
}

/// One row of the table: the code, its name, and the HTTP statuses it pairs with, the
/// canonical one (`code.proto`'s) first.
struct Row {
    code: Code,
    name: &'static str,
    http: &'static [u16],
}

/// The table, in code order (`TABLE[c as usize].code == c`).
const TABLE: [Row; 17] = [
    row(Code::Ok, "OK", &[200]),
    row(Code::Cancelled, "CANCELLED", &[499]),
    row(Code::Unknown, "UNKNOWN", &[500]),
    row(
        Code::InvalidArgument,
        "INVALID_ARGUMENT",
        &[400, 406, 411, 414, 415, 422, 431],
    ),
    row(Code::DeadlineExceeded, "DEADLINE_EXCEEDED", &[504, 408]),
    row(Code::NotFound, "NOT_FOUND", &[404, 410]),
    row(Code::AlreadyExists, "ALREADY_EXISTS", &[409]),
    row(Code::PermissionDenied, "PERMISSION_DENIED", &[403, 451]),
    row(
        Code::ResourceExhausted,
        "RESOURCE_EXHAUSTED",
        &[429, 413, 507],
    ),
    row(
        Code::FailedPrecondition,
        "FAILED_PRECONDITION",
        &[400, 402, 412, 417, 423, 424, 426, 428],
    ),
    row(Code::Aborted, "ABORTED", &[409]),
    row(Code::OutOfRange, "OUT_OF_RANGE", &[400, 416]),
    row(Code::Unimplemented, "UNIMPLEMENTED", &[501, 405, 505]),
    row(Code::Internal, "INTERNAL", &[500]),
    row(Code::Unavailable, "UNAVAILABLE", &[503, 425, 502]),
    row(Code::DataLoss, "DATA_LOSS", &[500]),
    row(Code::Unauthenticated, "UNAUTHENTICATED", &[401, 511]),
];

// The table is indexed by the code's number.
const _: () = {
    let mut i = 0;
    while i < TABLE.len() {
        assert!(TABLE[i].code as usize == i);
        i += 1;
    }
};

const fn row(code: Code, name: &'static str, http: &'static [u16]) -> Row {
    Row { code, name, http }
}

/// The order in which [`Code::from_http`] looks for a status: a status listed by several
/// codes maps to the first of them here.
const FROM_HTTP_ORDER: [Code; 17] = [
    Code::InvalidArgument,
    Code::Unauthenticated,
    Code::PermissionDenied,
    Code::NotFound,
    Code::AlreadyExists,
    Code::ResourceExhausted,
    Code::DeadlineExceeded,
    Code::Unimplemented,
    Code::Unavailable,
    Code::Internal,
    Code::Cancelled,
    Code::FailedPrecondition,
    Code::OutOfRange,
    Code::Aborted,
    Code::Unknown,
    Code::DataLoss,
    Code::Ok,
];

impl Code {
    /// Every code, in numeric order.
    pub const ALL: [Code; 17] = [
        Code::Ok,
        Code::Cancelled,
        Code::Unknown,
        Code::InvalidArgument,
        Code::DeadlineExceeded,
        Code::NotFound,
        Code::AlreadyExists,
        Code::PermissionDenied,
        Code::ResourceExhausted,
        Code::FailedPrecondition,
        Code::Aborted,
        Code::OutOfRange,
        Code::Unimplemented,
        Code::Internal,
        Code::Unavailable,
        Code::DataLoss,
        Code::Unauthenticated,
    ];

    const fn row(self) -> &'static Row {
        &TABLE[self as usize]
    }

    /// The code for an error's HTTP status (see the table on [`Code`]): the first code, in
    /// the order `INVALID_ARGUMENT`, `UNAUTHENTICATED`, `PERMISSION_DENIED`, `NOT_FOUND`,
    /// `ALREADY_EXISTS`, `RESOURCE_EXHAUSTED`, `DEADLINE_EXCEEDED`, `UNIMPLEMENTED`,
    /// `UNAVAILABLE`, `INTERNAL`, `CANCELLED`, `FAILED_PRECONDITION`, `OUT_OF_RANGE`, …,
    /// whose row lists it; any other 4xx is `FAILED_PRECONDITION`, any other 5xx `INTERNAL`,
    /// a 2xx `OK`, anything else `UNKNOWN`.
    ///
    /// ```
    /// use error_core::grpc::Code;
    /// assert_eq!(Code::from_http(400), Code::InvalidArgument);
    /// assert_eq!(Code::from_http(402), Code::FailedPrecondition);
    /// assert_eq!(Code::from_http(460), Code::FailedPrecondition);
    /// assert_eq!(Code::from_http(502), Code::Unavailable);
    /// assert_eq!(Code::from_http(599), Code::Internal);
    /// ```
    pub const fn from_http(status: u16) -> Code {
        let mut i = 0;
        while i < FROM_HTTP_ORDER.len() {
            let code = FROM_HTTP_ORDER[i];
            if code.lists(status) {
                return code;
            }
            i += 1;
        }
        match status {
            200..=299 => Code::Ok,
            400..=499 => Code::FailedPrecondition,
            500..=599 => Code::Internal,
            _ => Code::Unknown,
        }
    }

    /// The HTTP status `google/rpc/code.proto` gives for this code (`NOT_FOUND`: 404,
    /// `FAILED_PRECONDITION`: 400, `INTERNAL`: 500).
    pub const fn http_status(self) -> u16 {
        self.row().http[0]
    }

    /// The HTTP statuses this code's row of the table names, the canonical one first. A
    /// code also pairs with the statuses [`Code::from_http`] sends to it by default (every
    /// 4xx not named for `FAILED_PRECONDITION`, every 5xx not named for `INTERNAL`).
    ///
    /// ```
    /// use error_core::grpc::Code;
    /// assert_eq!(Code::NotFound.http_statuses(), &[404, 410]);
    /// ```
    pub const fn http_statuses(self) -> &'static [u16] {
        self.row().http
    }

    /// Whether a variant with HTTP `status` may carry this code: the status is in its row,
    /// or [`Code::from_http`] maps the status to it.
    pub const fn pairs_with(self, status: u16) -> bool {
        self.lists(status) || Code::from_http(status) as i32 == self as i32
    }

    const fn lists(self, status: u16) -> bool {
        let http = self.row().http;
        let mut i = 0;
        while i < http.len() {
            if http[i] == status {
                return true;
            }
            i += 1;
        }
        false
    }

    /// The canonical name, as in `google/rpc/code.proto` and AIP-193's `status` member:
    /// `NOT_FOUND`, `ALREADY_EXISTS`.
    pub const fn name(self) -> &'static str {
        self.row().name
    }

    /// The code of a canonical name (`"NOT_FOUND"`).
    ///
    /// ```
    /// use error_core::grpc::Code;
    /// assert_eq!(Code::from_name("RESOURCE_EXHAUSTED"), Some(Code::ResourceExhausted));
    /// assert_eq!(Code::from_name("not_found"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|code| code.name() == name)
    }

    /// The code with this number; `None` outside 0..=16.
    pub const fn from_i32(value: i32) -> Option<Code> {
        if value >= 0 && value < Code::ALL.len() as i32 {
            Some(Code::ALL[value as usize])
        } else {
            None
        }
    }

    /// The number on the wire (`grpc-status`).
    pub const fn as_i32(self) -> i32 {
        self as i32
    }
}

impl fmt::Display for Code {
    /// The canonical name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(feature = "tonic")]
impl From<Code> for tonic::Code {
    fn from(code: Code) -> Self {
        tonic::Code::from_i32(code.as_i32())
    }
}

#[cfg(feature = "tonic")]
impl From<tonic::Code> for Code {
    fn from(code: tonic::Code) -> Self {
        // tonic's enum has exactly the 17 codes, numbered alike.
        Code::from_i32(code as i32).unwrap_or(Code::Unknown)
    }
}
