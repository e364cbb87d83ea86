//! Issue 16 C: the default messages of the field-error kinds in English, German, French,
//! Spanish and Portuguese, chosen at render time from the rendering's locale (`de-AT` →
//! `de` → English), and an enum's own `field-<slug>` messages from its `.ftl` files in
//! place of the built-in ones. Whole bodies.

use error_core::format::Builtin;
use error_core::{
    ApiError, FieldError, FieldErrorKind, FieldErrors, FieldPath, RenderContext, Timestamp,
};

#[derive(Debug, ApiError)]
enum FormError {
    #[api(status = 422, code = "validation_error", message = "Validation failed")]
    Invalid(#[api(fields)] FieldErrors),
}

/// Every kind, with singular and plural lengths, one-bound and unbounded ranges, an empty
/// list of allowed values, and the empty path (the body as a whole).
fn every_kind() -> FieldErrors {
    FieldErrors::new()
        .with(FieldError::missing("email"))
        .with(FieldError::missing(FieldPath::new()))
        .with(FieldError::invalid_format("address.zip"))
        .with(FieldError::invalid_format(FieldPath::new()))
        .with(FieldError::too_short("name", 1))
        .with(FieldError::too_short("name", 3))
        .with(FieldError::too_long("name", 1))
        .with(FieldError::too_long("name", 50))
        .with(FieldError::out_of_range("score", 0, 100))
        .with(FieldErrorKind::at_least(1).at("qty"))
        .with(FieldErrorKind::at_most("2.5").at("ratio"))
        .with(
            FieldErrorKind::OutOfRange {
                min: None,
                max: None,
            }
            .at("qty"),
        )
        .with(FieldError::not_one_of("status", ["new", "won"]))
        .with(FieldError::not_one_of("status", Vec::<&'static str>::new()))
        .with(FieldError::duplicate("leads.1.email"))
}

fn body<E: ApiError>(err: &E, locale: Option<&str>, format: Builtin) -> String {
    let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
    let ctx = match locale {
        Some(locale) => ctx.with_locale(locale),
        None => ctx,
    };
    let mut body = Vec::new();
    err.render_into(&format, &ctx, &mut body);
    String::from_utf8(body).unwrap()
}

const ENGLISH: &str = r#"{"error":{"message":"Validation failed","details":[{"field":"email","message":"email is required."},{"field":"","message":"request body is required."},{"field":"address.zip","message":"Invalid address.zip format"},{"field":"","message":"Invalid request body format"},{"field":"name","message":"Must be at least 1 character"},{"field":"name","message":"Must be at least 3 characters"},{"field":"name","message":"Must be at most 1 character"},{"field":"name","message":"Must be at most 50 characters"},{"field":"score","message":"Must be between 0 and 100"},{"field":"qty","message":"Must be at least 1"},{"field":"ratio","message":"Must be at most 2.5"},{"field":"qty","message":"Out of range"},{"field":"status","message":"Must be one of: new, won"},{"field":"status","message":"Must be one of the allowed values"},{"field":"leads.1.email","message":"Must be unique"}]}}"#;

const GERMAN: &str = r#"{"error":{"message":"Validation failed","details":[{"field":"email","message":"email ist erforderlich."},{"field":"","message":"Der Anfrageinhalt ist erforderlich."},{"field":"address.zip","message":"address.zip hat ein ungültiges Format"},{"field":"","message":"Der Anfrageinhalt hat ein ungültiges Format"},{"field":"name","message":"Muss mindestens 1 Zeichen lang sein"},{"field":"name","message":"Muss mindestens 3 Zeichen lang sein"},{"field":"name","message":"Darf höchstens 1 Zeichen lang sein"},{"field":"name","message":"Darf höchstens 50 Zeichen lang sein"},{"field":"score","message":"Muss zwischen 0 und 100 liegen"},{"field":"qty","message":"Muss mindestens 1 sein"},{"field":"ratio","message":"Darf höchstens 2.5 sein"},{"field":"qty","message":"Liegt außerhalb des zulässigen Bereichs"},{"field":"status","message":"Muss einer der folgenden Werte sein: new, won"},{"field":"status","message":"Muss einer der zulässigen Werte sein"},{"field":"leads.1.email","message":"Muss eindeutig sein"}]}}"#;

const FRENCH: &str = r#"{"error":{"message":"Validation failed","details":[{"field":"email","message":"email est obligatoire."},{"field":"","message":"Le corps de la requête est obligatoire."},{"field":"address.zip","message":"Format invalide pour address.zip"},{"field":"","message":"Format invalide pour le corps de la requête"},{"field":"name","message":"Doit contenir au moins 1 caractère"},{"field":"name","message":"Doit contenir au moins 3 caractères"},{"field":"name","message":"Doit contenir au plus 1 caractère"},{"field":"name","message":"Doit contenir au plus 50 caractères"},{"field":"score","message":"Doit être compris entre 0 et 100"},{"field":"qty","message":"Doit être supérieur ou égal à 1"},{"field":"ratio","message":"Doit être inférieur ou égal à 2.5"},{"field":"qty","message":"Hors de la plage autorisée"},{"field":"status","message":"Doit être l'une des valeurs suivantes : new, won"},{"field":"status","message":"Doit être l'une des valeurs autorisées"},{"field":"leads.1.email","message":"Doit être unique"}]}}"#;

const SPANISH: &str = r#"{"error":{"message":"Validation failed","details":[{"field":"email","message":"email es obligatorio."},{"field":"","message":"El cuerpo de la solicitud es obligatorio."},{"field":"address.zip","message":"Formato de address.zip no válido"},{"field":"","message":"Formato del cuerpo de la solicitud no válido"},{"field":"name","message":"Debe tener al menos 1 carácter"},{"field":"name","message":"Debe tener al menos 3 caracteres"},{"field":"name","message":"Debe tener como máximo 1 carácter"},{"field":"name","message":"Debe tener como máximo 50 caracteres"},{"field":"score","message":"Debe estar entre 0 y 100"},{"field":"qty","message":"Debe ser como mínimo 1"},{"field":"ratio","message":"Debe ser como máximo 2.5"},{"field":"qty","message":"Fuera del rango permitido"},{"field":"status","message":"Debe ser uno de: new, won"},{"field":"status","message":"Debe ser uno de los valores permitidos"},{"field":"leads.1.email","message":"Debe ser único"}]}}"#;

const PORTUGUESE: &str = r#"{"error":{"message":"Validation failed","details":[{"field":"email","message":"email é obrigatório."},{"field":"","message":"O corpo da solicitação é obrigatório."},{"field":"address.zip","message":"Formato de address.zip inválido"},{"field":"","message":"Formato do corpo da solicitação inválido"},{"field":"name","message":"Deve ter pelo menos 1 caractere"},{"field":"name","message":"Deve ter pelo menos 3 caracteres"},{"field":"name","message":"Deve ter no máximo 1 caractere"},{"field":"name","message":"Deve ter no máximo 50 caracteres"},{"field":"score","message":"Deve estar entre 0 e 100"},{"field":"qty","message":"Deve ser no mínimo 1"},{"field":"ratio","message":"Deve ser no máximo 2.5"},{"field":"qty","message":"Fora do intervalo permitido"},{"field":"status","message":"Deve ser um dos valores: new, won"},{"field":"status","message":"Deve ser um dos valores permitidos"},{"field":"leads.1.email","message":"Deve ser único"}]}}"#;

#[test]
fn every_kind_in_english_without_a_locale_and_for_unknown_languages() {
    let err = FormError::Invalid(every_kind());
    assert_eq!(body(&err, None, Builtin::Compact), ENGLISH);
    assert_eq!(body(&err, Some("en"), Builtin::Compact), ENGLISH);
    assert_eq!(body(&err, Some("ja"), Builtin::Compact), ENGLISH);
    assert_eq!(body(&err, Some("dk"), Builtin::Compact), ENGLISH);
}

#[test]
fn every_kind_in_german() {
    let err = FormError::Invalid(every_kind());
    assert_eq!(body(&err, Some("de"), Builtin::Compact), GERMAN);
    // A regional tag falls back to its language.
    assert_eq!(body(&err, Some("de-AT"), Builtin::Compact), GERMAN);
    assert_eq!(body(&err, Some("DE-ch"), Builtin::Compact), GERMAN);
}

#[test]
fn every_kind_in_french() {
    let err = FormError::Invalid(every_kind());
    assert_eq!(body(&err, Some("fr"), Builtin::Compact), FRENCH);
    assert_eq!(body(&err, Some("fr-CA"), Builtin::Compact), FRENCH);
}

#[test]
fn every_kind_in_spanish() {
    let err = FormError::Invalid(every_kind());
    assert_eq!(body(&err, Some("es"), Builtin::Compact), SPANISH);
    assert_eq!(body(&err, Some("es-419"), Builtin::Compact), SPANISH);
}

#[test]
fn every_kind_in_portuguese() {
    let err = FormError::Invalid(every_kind());
    assert_eq!(body(&err, Some("pt"), Builtin::Compact), PORTUGUESE);
    assert_eq!(body(&err, Some("pt-BR"), Builtin::Compact), PORTUGUESE);
}

/// A message given with `with_message` (or `FieldError::new`) is written as is in every
/// language; only the defaults are translated. The code never is.
#[test]
fn given_messages_and_codes_stay_as_given() {
    let err = FormError::Invalid(
        FieldErrors::new()
            .with(FieldError::invalid("email", "Bad email"))
            .with(FieldError::new("phone", "lead/bad-phone", "Bad phone"))
            .with(FieldError::missing("name").with_code("lead/name")),
    );
    assert_eq!(
        body(&err, Some("de"), Builtin::Nested),
        r#"{"success":false,"error":{"code":422,"timestamp":"1970-01-01T00:00:00.000Z","message":"Validation failed","details":[{"code":"validation/invalid-email","message":"Bad email"},{"code":"lead/bad-phone","message":"Bad phone"},{"code":"lead/name","message":"name ist erforderlich."}]}}"#
    );
}

/// The same German messages in every format that writes field messages; AIP-193
/// ("Localization") keeps each `description` in the catalogue's language and puts the
/// translation in the violation's `localizedMessage`.
#[test]
fn every_format_writes_the_locale_s_messages() {
    let err = FormError::Invalid(
        FieldErrors::new()
            .with(FieldError::missing("leads.0.email"))
            .with(FieldError::too_short("name", 1)),
    );
    let bodies: Vec<String> = Builtin::ALL
        .into_iter()
        .map(|format| body(&err, Some("de-AT"), format))
        .collect();
    assert_eq!(
        bodies,
        [
            r##"{"success":false,"status":422,"message":"Validation failed","errors":[{"field":"leads.0.email","message":"leads.0.email ist erforderlich."},{"field":"name","message":"Muss mindestens 1 Zeichen lang sein"}],"meta":{"timestamp":"1970-01-01T00:00:00.000Z"}}"##,
            r##"{"success":false,"error":{"code":422,"timestamp":"1970-01-01T00:00:00.000Z","message":"Validation failed","details":[{"code":"validation/missing-leads.0.email","message":"leads.0.email ist erforderlich."},{"code":"validation/too-short-name","message":"Muss mindestens 1 Zeichen lang sein"}]}}"##,
            r##"{"message":"Validation failed","errors":{"leads.0.email":["leads.0.email ist erforderlich."],"name":["Muss mindestens 1 Zeichen lang sein"]}}"##,
            r##"{"error":{"message":"Validation failed","details":[{"field":"leads.0.email","message":"leads.0.email ist erforderlich."},{"field":"name","message":"Muss mindestens 1 Zeichen lang sein"}]}}"##,
            r##"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"Validation failed","code":"validation_error","errors":[{"detail":"leads.0.email ist erforderlich.","pointer":"#/leads/0/email"},{"detail":"Muss mindestens 1 Zeichen lang sein","pointer":"#/name"}]}"##,
            r##"{"error":{"code":422,"message":"Validation failed","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"VALIDATION_ERROR"},{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"leads[0].email","description":"leads.0.email is required.","reason":"VALIDATION_MISSING","localizedMessage":{"locale":"de-AT","message":"leads.0.email ist erforderlich."}},{"field":"name","description":"Must be at least 1 character","reason":"VALIDATION_TOO_SHORT","localizedMessage":{"locale":"de-AT","message":"Muss mindestens 1 Zeichen lang sein"}}]}]}}"##,
            r##"{"errors":[{"status":"422","code":"validation_error","source":{"pointer":"/data/attributes/leads/0/email"},"title":"Validation failed","detail":"leads.0.email ist erforderlich."},{"status":"422","code":"validation_error","source":{"pointer":"/data/attributes/name"},"title":"Validation failed","detail":"Muss mindestens 1 Zeichen lang sein"}]}"##,
            r##"{"error":{"code":"ValidationError","message":"Validation failed","details":[{"code":"ValidationMissingLeads0Email","target":"leads.0.email","message":"leads.0.email ist erforderlich."},{"code":"ValidationTooShortName","target":"name","message":"Muss mindestens 1 Zeichen lang sein"}]}}"##,
        ]
    );
}

/// An enum's own `field-<slug>` messages (`tests/locales-fields/*/errors.ftl`) replace the
/// built-in ones: the locale's first (`de-AT` → `de`), then the built-in table of the
/// language, then the enum's fallback locale (English here), then the built-in English.
#[derive(Debug, ApiError)]
#[api(locales = "locales-fields")]
enum OwnMessages {
    #[api(status = 422, message = "Invalid input.")]
    Invalid(#[api(fields)] FieldErrors),
}

#[test]
fn an_enum_s_ftl_overrides_the_built_in_messages() {
    let err = OwnMessages::Invalid(
        FieldErrors::new()
            .with(FieldError::missing("leads.0.email"))
            .with(FieldError::not_one_of("status", ["new", "won"]))
            .with(FieldError::duplicate("email")),
    );
    let messages = |locale| body(&err, locale, Builtin::Laravel);
    // No locale and English: the enum's English messages where it has them.
    let english = r#"{"message":"Invalid input.","errors":{"leads.0.email":["Please fill in leads.0.email."],"status":["Pick one of new, won for status."],"email":["Must be unique"]}}"#;
    assert_eq!(messages(None), english);
    assert_eq!(messages(Some("en")), english);
    // German: its own `field-missing` (escaped at compile time), the built-in German for the
    // others.
    let german = r#"{"message":"Ungültige Eingabe.","errors":{"leads.0.email":["Bitte „leads.0.email\" ausfüllen."],"status":["Muss einer der folgenden Werte sein: new, won"],"email":["Muss eindeutig sein"]}}"#;
    assert_eq!(messages(Some("de")), german);
    // `de-AT` reaches the enum's `de` field messages too; the variant's own translation is
    // looked up by the folder name the adapters negotiate (`de`), so here it is English.
    assert_eq!(
        messages(Some("de-AT")),
        german.replace("Ungültige Eingabe.", "Invalid input.")
    );
    // French: no French file; the built-in French table.
    assert_eq!(
        messages(Some("fr")),
        r#"{"message":"Invalid input.","errors":{"leads.0.email":["leads.0.email est obligatoire."],"status":["Doit être l'une des valeurs suivantes : new, won"],"email":["Doit être unique"]}}"#
    );
    // A language neither has: the enum's fallback (English) messages.
    assert_eq!(messages(Some("ja")), english);
}

/// validator: its own message is kept in every language; without one, the errors whose
/// default is a kind's (`required`, `regex`, one-sided `length`, inclusive `range`) are
/// written in the rendering's language, the others in English. The codes stay validator's.
#[cfg(feature = "validator")]
#[test]
fn validator_errors_without_a_message_speak_the_language() {
    use validator::{ValidationError, ValidationErrors};

    let mut report = ValidationErrors::new();
    report.add("a_name", ValidationError::new("required"));
    let mut length = ValidationError::new("length");
    length.add_param("min".into(), &3);
    report.add("b_name", length);
    let mut range = ValidationError::new("range");
    range.add_param("min".into(), &0);
    range.add_param("max".into(), &100);
    report.add("c_score", range);
    report.add("d_email", ValidationError::new("email"));
    report.add(
        "e_phone",
        ValidationError::new("regex").with_message("Bad phone".into()),
    );
    let err = FormError::Invalid(FieldErrors::from(&report));
    assert_eq!(
        body(&err, Some("es"), Builtin::Nested),
        r#"{"success":false,"error":{"code":422,"timestamp":"1970-01-01T00:00:00.000Z","message":"Validation failed","details":[{"code":"validation/required-a_name","message":"a_name es obligatorio."},{"code":"validation/length-b_name","message":"Debe tener al menos 3 caracteres"},{"code":"validation/range-c_score","message":"Debe estar entre 0 y 100"},{"code":"validation/email-d_email","message":"Must be a valid email address"},{"code":"validation/regex-e_phone","message":"Bad phone"}]}}"#
    );
    assert_eq!(
        body(&err, None, Builtin::Nested),
        r#"{"success":false,"error":{"code":422,"timestamp":"1970-01-01T00:00:00.000Z","message":"Validation failed","details":[{"code":"validation/required-a_name","message":"a_name is required."},{"code":"validation/length-b_name","message":"Must be at least 3 characters"},{"code":"validation/range-c_score","message":"Must be between 0 and 100"},{"code":"validation/email-d_email","message":"Must be a valid email address"},{"code":"validation/regex-e_phone","message":"Bad phone"}]}}"#
    );
}

/// garde always gives a message (its report keeps no rule or bound): kept as is.
#[cfg(feature = "garde")]
#[test]
fn garde_messages_are_kept_in_every_language() {
    use garde::{Error, Path, Report};

    let mut report = Report::new();
    report.append(Path::new("name"), Error::new("length is lower than 3"));
    let err = FormError::Invalid(FieldErrors::from(&report));
    assert_eq!(
        body(&err, Some("de"), Builtin::Nested),
        r#"{"success":false,"error":{"code":422,"timestamp":"1970-01-01T00:00:00.000Z","message":"Validation failed","details":[{"code":"validation/invalid-name","message":"length is lower than 3"}]}}"#
    );
}
