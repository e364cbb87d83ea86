//! The default messages of the field-error kinds, in English, German, French, Spanish and
//! Portuguese: static tables, written at render time straight into the output (JSON-escaped
//! where a value comes from input), in the language of the rendering.
//!
//! A locale is looked up as written (`de`), then without its last subtag (`de-AT` → `de`),
//! case-insensitively; a language the tables do not hold gets English.

use std::fmt::Write as _;

use crate::{json, FieldErrorKind, FieldPath};

/// A language of the built-in tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lang {
    En,
    De,
    Fr,
    Es,
    Pt,
}

impl Lang {
    /// The table for `locale` (`de-AT` → `de` → English); English without a locale.
    pub(crate) fn of(locale: Option<&str>) -> Lang {
        locale.and_then(Lang::find).unwrap_or(Lang::En)
    }

    /// The table for `locale` (`de-AT` → `de`), if there is one.
    pub(crate) fn find(mut tag: &str) -> Option<Lang> {
        loop {
            for (name, lang) in [
                ("en", Lang::En),
                ("de", Lang::De),
                ("fr", Lang::Fr),
                ("es", Lang::Es),
                ("pt", Lang::Pt),
            ] {
                if tag.eq_ignore_ascii_case(name) {
                    return Some(lang);
                }
            }
            match tag.rfind('-') {
                Some(cut) => tag = &tag[..cut],
                None => return None,
            }
        }
    }
}

/// Where a message is written. Static texts are the tables' own and need no escaping (a
/// test checks that they hold no character JSON escapes); values from input do.
pub(crate) trait Sink {
    fn text(&mut self, text: &'static str);
    fn value(&mut self, value: &str);
    fn path(&mut self, path: &FieldPath);
    fn number(&mut self, value: usize);
}

/// Escaped JSON string contents.
pub(crate) struct Json<'a>(pub(crate) &'a mut Vec<u8>);

impl Sink for Json<'_> {
    #[inline]
    fn text(&mut self, text: &'static str) {
        self.0.extend_from_slice(text.as_bytes());
    }

    fn value(&mut self, value: &str) {
        json::write_str_contents(self.0, value);
    }

    #[inline]
    fn path(&mut self, path: &FieldPath) {
        path.write_dotted_contents(self.0);
    }

    fn number(&mut self, value: usize) {
        json::write_u64(self.0, value as u64);
    }
}

/// Plain text.
pub(crate) struct Text<'a>(pub(crate) &'a mut String);

impl Sink for Text<'_> {
    fn text(&mut self, text: &'static str) {
        self.0.push_str(text);
    }

    fn value(&mut self, value: &str) {
        self.0.push_str(value);
    }

    fn path(&mut self, path: &FieldPath) {
        // Writing to a String cannot fail.
        let _ = write!(self.0, "{path}");
    }

    fn number(&mut self, value: usize) {
        self.0.push_str(itoa::Buffer::new().format(value));
    }
}

/// The words of one language. `{}` marks where a value goes, as the functions below say.
struct Table {
    /// `<path> is required.`: before and after the path.
    missing: (&'static str, &'static str),
    missing_body: &'static str,
    /// `Invalid <path> format`.
    invalid: (&'static str, &'static str),
    invalid_body: &'static str,
    /// `Must be at least <min> `, then `character` / `characters`.
    too_short: &'static str,
    too_long: &'static str,
    character: &'static str,
    characters: &'static str,
    /// `Must be between <min> and <max>`: before, between, after.
    between: (&'static str, &'static str, &'static str),
    at_least: (&'static str, &'static str),
    at_most: (&'static str, &'static str),
    out_of_range: &'static str,
    /// `Must be one of: ` before the values, joined by `, `.
    one_of: &'static str,
    one_of_any: &'static str,
    duplicate: &'static str,
}

const EN: Table = Table {
    missing: ("", " is required."),
    missing_body: "request body is required.",
    invalid: ("Invalid ", " format"),
    invalid_body: "Invalid request body format",
    too_short: "Must be at least ",
    too_long: "Must be at most ",
    character: " character",
    characters: " characters",
    between: ("Must be between ", " and ", ""),
    at_least: ("Must be at least ", ""),
    at_most: ("Must be at most ", ""),
    out_of_range: "Out of range",
    one_of: "Must be one of: ",
    one_of_any: "Must be one of the allowed values",
    duplicate: "Must be unique",
};

const DE: Table = Table {
    missing: ("", " ist erforderlich."),
    missing_body: "Der Anfrageinhalt ist erforderlich.",
    invalid: ("", " hat ein ungültiges Format"),
    invalid_body: "Der Anfrageinhalt hat ein ungültiges Format",
    too_short: "Muss mindestens ",
    too_long: "Darf höchstens ",
    character: " Zeichen lang sein",
    characters: " Zeichen lang sein",
    between: ("Muss zwischen ", " und ", " liegen"),
    at_least: ("Muss mindestens ", " sein"),
    at_most: ("Darf höchstens ", " sein"),
    out_of_range: "Liegt außerhalb des zulässigen Bereichs",
    one_of: "Muss einer der folgenden Werte sein: ",
    one_of_any: "Muss einer der zulässigen Werte sein",
    duplicate: "Muss eindeutig sein",
};

const FR: Table = Table {
    missing: ("", " est obligatoire."),
    missing_body: "Le corps de la requête est obligatoire.",
    invalid: ("Format invalide pour ", ""),
    invalid_body: "Format invalide pour le corps de la requête",
    too_short: "Doit contenir au moins ",
    too_long: "Doit contenir au plus ",
    character: " caractère",
    characters: " caractères",
    between: ("Doit être compris entre ", " et ", ""),
    at_least: ("Doit être supérieur ou égal à ", ""),
    at_most: ("Doit être inférieur ou égal à ", ""),
    out_of_range: "Hors de la plage autorisée",
    one_of: "Doit être l'une des valeurs suivantes : ",
    one_of_any: "Doit être l'une des valeurs autorisées",
    duplicate: "Doit être unique",
};

const ES: Table = Table {
    missing: ("", " es obligatorio."),
    missing_body: "El cuerpo de la solicitud es obligatorio.",
    invalid: ("Formato de ", " no válido"),
    invalid_body: "Formato del cuerpo de la solicitud no válido",
    too_short: "Debe tener al menos ",
    too_long: "Debe tener como máximo ",
    character: " carácter",
    characters: " caracteres",
    between: ("Debe estar entre ", " y ", ""),
    at_least: ("Debe ser como mínimo ", ""),
    at_most: ("Debe ser como máximo ", ""),
    out_of_range: "Fuera del rango permitido",
    one_of: "Debe ser uno de: ",
    one_of_any: "Debe ser uno de los valores permitidos",
    duplicate: "Debe ser único",
};

const PT: Table = Table {
    missing: ("", " é obrigatório."),
    missing_body: "O corpo da solicitação é obrigatório.",
    invalid: ("Formato de ", " inválido"),
    invalid_body: "Formato do corpo da solicitação inválido",
    too_short: "Deve ter pelo menos ",
    too_long: "Deve ter no máximo ",
    character: " caractere",
    characters: " caracteres",
    between: ("Deve estar entre ", " e ", ""),
    at_least: ("Deve ser no mínimo ", ""),
    at_most: ("Deve ser no máximo ", ""),
    out_of_range: "Fora do intervalo permitido",
    one_of: "Deve ser um dos valores: ",
    one_of_any: "Deve ser um dos valores permitidos",
    duplicate: "Deve ser único",
};

fn table(lang: Lang) -> &'static Table {
    match lang {
        Lang::En => &EN,
        Lang::De => &DE,
        Lang::Fr => &FR,
        Lang::Es => &ES,
        Lang::Pt => &PT,
    }
}

/// Writes the value of the variable `var` of a `field-<slug>` translation, escaped: `field`
/// (the dotted path), `min`, `max`, `allowed` (joined by `, `); empty when the kind has no
/// such value (the derive checks each message's variables against its kind).
pub fn write_var(out: &mut Vec<u8>, var: &str, kind: &FieldErrorKind, path: &FieldPath) {
    let mut out = Json(out);
    match (var, kind) {
        ("field", _) => out.path(path),
        ("min", FieldErrorKind::TooShort { min }) => out.number(*min),
        ("max", FieldErrorKind::TooLong { max }) => out.number(*max),
        ("min", FieldErrorKind::OutOfRange { min: Some(min), .. }) => out.value(min),
        ("max", FieldErrorKind::OutOfRange { max: Some(max), .. }) => out.value(max),
        ("allowed", FieldErrorKind::NotOneOf { allowed }) => {
            for (i, value) in allowed.iter().enumerate() {
                if i > 0 {
                    out.text(", ");
                }
                out.value(value);
            }
        }
        _ => {}
    }
}

/// Writes the default message of `kind` at `path` in `lang`.
pub(crate) fn write(kind: &FieldErrorKind, path: &FieldPath, lang: Lang, out: &mut impl Sink) {
    let t = table(lang);
    match kind {
        FieldErrorKind::Missing if path.is_empty() => out.text(t.missing_body),
        FieldErrorKind::Missing => {
            out.text(t.missing.0);
            out.path(path);
            out.text(t.missing.1);
        }
        FieldErrorKind::InvalidFormat if path.is_empty() => out.text(t.invalid_body),
        FieldErrorKind::InvalidFormat => {
            out.text(t.invalid.0);
            out.path(path);
            out.text(t.invalid.1);
        }
        FieldErrorKind::TooShort { min } => {
            out.text(t.too_short);
            out.number(*min);
            out.text(if *min == 1 { t.character } else { t.characters });
        }
        FieldErrorKind::TooLong { max } => {
            out.text(t.too_long);
            out.number(*max);
            out.text(if *max == 1 { t.character } else { t.characters });
        }
        FieldErrorKind::OutOfRange { min, max } => match (min, max) {
            (Some(min), Some(max)) => {
                out.text(t.between.0);
                out.value(min);
                out.text(t.between.1);
                out.value(max);
                out.text(t.between.2);
            }
            (Some(min), None) => {
                out.text(t.at_least.0);
                out.value(min);
                out.text(t.at_least.1);
            }
            (None, Some(max)) => {
                out.text(t.at_most.0);
                out.value(max);
                out.text(t.at_most.1);
            }
            (None, None) => out.text(t.out_of_range),
        },
        FieldErrorKind::NotOneOf { allowed } if allowed.is_empty() => out.text(t.one_of_any),
        FieldErrorKind::NotOneOf { allowed } => {
            out.text(t.one_of);
            for (i, value) in allowed.iter().enumerate() {
                if i > 0 {
                    out.text(", ");
                }
                out.value(value);
            }
        }
        FieldErrorKind::Duplicate => out.text(t.duplicate),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &Table) -> Vec<&'static str> {
        vec![
            t.missing.0,
            t.missing.1,
            t.missing_body,
            t.invalid.0,
            t.invalid.1,
            t.invalid_body,
            t.too_short,
            t.too_long,
            t.character,
            t.characters,
            t.between.0,
            t.between.1,
            t.between.2,
            t.at_least.0,
            t.at_least.1,
            t.at_most.0,
            t.at_most.1,
            t.out_of_range,
            t.one_of,
            t.one_of_any,
            t.duplicate,
        ]
    }

    #[test]
    fn static_texts_need_no_json_escaping() {
        for t in [&EN, &DE, &FR, &ES, &PT] {
            for text in texts(t) {
                let mut out = Vec::new();
                json::write_str_contents(&mut out, text);
                assert_eq!(out, text.as_bytes(), "{text:?} would need escaping");
            }
        }
    }

    #[test]
    fn locales_fall_back_by_subtag_then_to_english() {
        assert_eq!(Lang::of(None), Lang::En);
        assert_eq!(Lang::of(Some("de")), Lang::De);
        assert_eq!(Lang::of(Some("de-AT")), Lang::De);
        assert_eq!(Lang::of(Some("DE-at")), Lang::De);
        assert_eq!(Lang::of(Some("pt-BR")), Lang::Pt);
        assert_eq!(Lang::of(Some("es-419")), Lang::Es);
        assert_eq!(Lang::of(Some("fr-CA-x-y")), Lang::Fr);
        assert_eq!(Lang::of(Some("ja")), Lang::En);
        assert_eq!(Lang::of(Some("")), Lang::En);
        assert_eq!(Lang::of(Some("deu")), Lang::En);
    }
}
