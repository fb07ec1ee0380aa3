//! Every structural mistake of a file at once, not the first only.
//!
//! serde stops at the first mistake. To find the next one the description is
//! mended where the mistake was — an unknown key dropped, a wrong value taken
//! out, a missing field given a stand-in, an unknown variant replaced by an
//! allowed one — and read again, until it reads or cannot be mended. Only the
//! author's mistakes are reported, never what the mending itself caused, and
//! every position is the one in the author's file.

use std::collections::{HashMap, HashSet};

use serde_yaml::{Mapping, Value};

use crate::check::diagnostic::Diagnostic;
use crate::load::{schema_diagnostic, PositionIndex};
use crate::Organization;

/// How many mistakes of one file are looked for before giving up.
const MAX_ROUNDS: usize = 64;

/// Stand-ins tried in turn for a missing field: text, a date, a number.
const STAND_INS: [&str; 3] = ["", "2000-01-01", "1"];

/// One step of a path into the YAML.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

/// Writes a path as the position index does: `roadmap.sections[0].title`.
pub(crate) fn format_path(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) if out.is_empty() => out.push_str(k),
            Seg::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// The path serde_path_to_error reports, up to the first step it could not name.
pub(crate) fn error_path(path: &serde_path_to_error::Path) -> Vec<Seg> {
    use serde_path_to_error::Segment;
    let mut out = Vec::new();
    for seg in path {
        match seg {
            Segment::Seq { index } => out.push(Seg::Index(*index)),
            Segment::Map { key } => out.push(Seg::Key(key.clone())),
            Segment::Enum { variant } => out.push(Seg::Key(variant.clone())),
            Segment::Unknown => break,
        }
    }
    out
}

/// What the reading of a file found: its structural errors, and the
/// organisation as mended when it could be read at all.
pub(crate) struct Reading {
    /// The author's structural mistakes, in the order found.
    pub errors: Vec<Diagnostic>,
    /// The organisation; mended when `errors` is not empty.
    pub organization: Option<Organization>,
    /// Paths (in the author's file) whose values were mended: problems found
    /// there later are the mending's, not the author's.
    pub mended: Vec<String>,
}

/// Reads `text`, reporting every structural mistake. `skip` holds fields
/// already reported otherwise (placeholders): mistakes there are not repeated.
pub(crate) fn read(text: &str, origin: &str, skip: &HashSet<String>) -> Reading {
    let first = match deserialize(text) {
        Ok(org) => {
            return Reading {
                errors: Vec::new(),
                organization: Some(org),
                mended: Vec::new(),
            }
        }
        Err(err) => err,
    };
    let mut errors = Vec::new();
    let index = PositionIndex::new(text);
    // Text that is not YAML at all (or a duplicate key) cannot be mended.
    let Ok(mut value) = serde_yaml::from_str::<Value>(text) else {
        let field = format_path(&error_path(first.path()));
        return Reading {
            errors: vec![schema_diagnostic(&first, text, &index, origin, field, true)],
            organization: None,
            mended: Vec::new(),
        };
    };
    let mut mender = Mender::default();
    let mut err = first;
    // Only the first reading is of the author's text; later ones are re-written.
    let mut located = true;
    for _ in 0..MAX_ROUNDS {
        let path = error_path(err.path());
        let message = raw_message(&err);
        let original = mender.original(&path);
        let field_path = field_of(&original, &message);
        let field = format_path(&field_path);
        let ours = mender.caused(&field_path, &message);
        if !ours
            && !skip
                .iter()
                .any(|s| field == *s || field.starts_with(&format!("{s}.")))
        {
            let d = schema_diagnostic(&err, text, &index, origin, format_path(&original), located);
            if !errors.contains(&d) {
                errors.push(d);
            }
        }
        if !mender.mend(&mut value, &path, &original, &message) {
            return Reading {
                errors,
                organization: None,
                mended: mender.paths(),
            };
        }
        located = false;
        let Ok(again) = serde_yaml::to_string(&value) else {
            break;
        };
        match deserialize(&again) {
            Ok(org) => {
                return Reading {
                    errors,
                    organization: Some(org),
                    mended: mender.paths(),
                }
            }
            Err(e) => err = e,
        }
    }
    // Stopped before the end: say so, rather than let the list look complete.
    errors.push(Diagnostic::error(
        origin,
        (1, 1),
        "",
        format!(
            "проверка остановилась после {MAX_ROUNDS} ошибок в устройстве файла, дальше могут быть ещё: исправьте эти и запустите check снова"
        ),
    ));
    Reading {
        errors,
        organization: None,
        mended: mender.paths(),
    }
}

fn deserialize(text: &str) -> Result<Organization, serde_path_to_error::Error<serde_yaml::Error>> {
    serde_path_to_error::deserialize(serde_yaml::Deserializer::from_str(text))
}

/// serde's message without serde_yaml's own path and position.
fn raw_message(err: &serde_path_to_error::Error<serde_yaml::Error>) -> String {
    let raw = err.inner().to_string();
    let message = match raw.find(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw,
    };
    match message.split_once(": ") {
        Some((path, rest)) if !path.is_empty() && !path.contains(' ') => rest.to_string(),
        _ => message,
    }
}

/// The name between backticks after `prefix`: «missing field `name`» → «name».
fn named<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    message.strip_prefix(prefix)?.split('`').next()
}

/// The field a message is about: a missing or unknown field is below the map
/// serde stopped in.
fn field_of(path: &[Seg], message: &str) -> Vec<Seg> {
    let mut out = path.to_vec();
    for prefix in ["missing field `", "unknown field `"] {
        if let Some(name) = named(message, prefix) {
            if out.last() != Some(&Seg::Key(name.to_string())) {
                out.push(Seg::Key(name.to_string()));
            }
        }
    }
    out
}

/// What has been changed so far, in the author's coordinates.
#[derive(Default)]
struct Mender {
    /// Sequence elements taken out, by the sequence's path: the author's indexes.
    removed_items: HashMap<String, Vec<usize>>,
    /// Fields taken out or given stand-ins.
    touched: HashSet<String>,
    /// Stand-ins tried for a field, by its path.
    stand_ins: HashMap<String, usize>,
}

impl Mender {
    /// The author's path for a path into the mended value.
    fn original(&self, path: &[Seg]) -> Vec<Seg> {
        let mut out: Vec<Seg> = Vec::with_capacity(path.len());
        for seg in path {
            match seg {
                Seg::Index(j) => {
                    let removed = self.removed_items.get(&format_path(&out));
                    let mut left = *j;
                    let mut i = 0;
                    loop {
                        if removed.is_some_and(|r| r.contains(&i)) {
                            i += 1;
                            continue;
                        }
                        if left == 0 {
                            break;
                        }
                        left -= 1;
                        i += 1;
                    }
                    out.push(Seg::Index(i));
                }
                key => out.push(key.clone()),
            }
        }
        out
    }

    /// Whether a mistake is the mending's own: a field that was taken out is
    /// now missing, or a stand-in does not fit.
    fn caused(&self, field: &[Seg], message: &str) -> bool {
        let field = format_path(field);
        self.touched.contains(&field)
            || self
                .touched
                .iter()
                .any(|t| field.starts_with(&format!("{t}.")) || field.starts_with(&format!("{t}[")))
            || (message.starts_with("missing field") && self.stand_ins.contains_key(&field))
    }

    /// Every path changed, in the author's coordinates.
    fn paths(&self) -> Vec<String> {
        let mut out: Vec<String> = self.touched.iter().cloned().collect();
        for (seq, items) in &self.removed_items {
            out.extend(items.iter().map(|i| format!("{seq}[{i}]")));
        }
        out.sort();
        out
    }

    /// Changes `value` so that this mistake is gone; false when it cannot.
    fn mend(&mut self, value: &mut Value, path: &[Seg], original: &[Seg], message: &str) -> bool {
        if let Some(name) = named(message, "unknown field `") {
            // serde may or may not have stepped into the unknown key already.
            let map_path = match path.split_last() {
                Some((Seg::Key(k), parent)) if k == name => parent,
                _ => path,
            };
            let Some(Value::Mapping(map)) = get_mut(value, map_path) else {
                return false;
            };
            return remove_key(map, name);
        }
        if let Some(name) = named(message, "missing field `") {
            let mut field = original.to_vec();
            field.push(Seg::Key(name.to_string()));
            let key = format_path(&field);
            let tried = self.stand_ins.entry(key.clone()).or_insert(0);
            let Some(stand_in) = STAND_INS.get(*tried) else {
                // No stand-in fits: take out the whole map that needs it.
                return self.take_out(value, path, original);
            };
            *tried += 1;
            self.touched.insert(key);
            let Some(Value::Mapping(map)) = get_mut(value, path) else {
                return false;
            };
            remove_key(map, name);
            map.insert(Value::String(name.to_string()), stand_in_value(stand_in));
            return true;
        }
        if let Some(rest) = message.strip_prefix("unknown variant ") {
            let allowed = rest.split_once(", expected").map_or("", |(_, e)| e);
            if let Some(first) = allowed.split('`').nth(1) {
                if let Some(slot) = get_mut(value, path) {
                    *slot = Value::String(first.to_string());
                    self.touched.insert(format_path(original));
                    return true;
                }
            }
        }
        // A stand-in that does not fit: try the next one.
        if let Some(tried) = self.stand_ins.get(&format_path(original)).copied() {
            if let (Some(stand_in), Some(Seg::Key(name))) = (STAND_INS.get(tried), path.last()) {
                self.stand_ins.insert(format_path(original), tried + 1);
                let parent = &path[..path.len() - 1];
                if let Some(Value::Mapping(map)) = get_mut(value, parent) {
                    map.insert(Value::String(name.clone()), stand_in_value(stand_in));
                    return true;
                }
            }
        }
        self.take_out(value, path, original)
    }

    /// Takes the value at `path` out of its map or sequence.
    fn take_out(&mut self, value: &mut Value, path: &[Seg], original: &[Seg]) -> bool {
        let Some((last, parent)) = path.split_last() else {
            return false; // the whole file: nothing left to read
        };
        match (get_mut(value, parent), last) {
            (Some(Value::Mapping(map)), Seg::Key(k)) => {
                self.touched.insert(format_path(original));
                remove_key(map, k)
            }
            (Some(Value::Sequence(seq)), Seg::Index(i)) if *i < seq.len() => {
                seq.remove(*i);
                if let Some(Seg::Index(orig)) = original.last() {
                    let at = format_path(&original[..original.len() - 1]);
                    self.removed_items.entry(at).or_default().push(*orig);
                }
                true
            }
            _ => false,
        }
    }
}

/// A stand-in as YAML would read it: «1» is a number.
fn stand_in_value(text: &str) -> Value {
    match text.parse::<u64>() {
        Ok(n) => Value::Number(n.into()),
        Err(_) => Value::String(text.to_string()),
    }
}

/// The text a key is written as: keys such as `2.3` are numbers to YAML.
fn key_text(key: &Value) -> Option<String> {
    match key {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn remove_key(map: &mut Mapping, name: &str) -> bool {
    let key = map
        .keys()
        .find(|k| key_text(k).as_deref() == Some(name))
        .cloned();
    key.is_some_and(|k| map.remove(&k).is_some())
}

/// The value at `path`, looking through tags.
fn get_mut<'a>(value: &'a mut Value, path: &[Seg]) -> Option<&'a mut Value> {
    let mut here = value;
    for seg in path {
        while let Value::Tagged(t) = here {
            here = &mut t.value;
        }
        here = match (here, seg) {
            (Value::Mapping(map), Seg::Key(k)) => {
                let key = map
                    .keys()
                    .find(|key| key_text(key).as_deref() == Some(k))?
                    .clone();
                map.get_mut(&key)?
            }
            (Value::Sequence(seq), Seg::Index(i)) => seq.get_mut(*i)?,
            _ => return None,
        };
    }
    while let Value::Tagged(t) = here {
        here = &mut t.value;
    }
    Some(here)
}

#[cfg(test)]
mod tests {
    use crate::load_str;

    fn places(yaml: &str) -> Vec<(usize, usize, String, String)> {
        let err = load_str(yaml, "t.yaml").unwrap_err();
        err.diagnostics()
            .iter()
            .map(|d| (d.line, d.column, d.field.clone(), d.message.clone()))
            .collect()
    }

    #[test]
    fn items_after_a_taken_out_one_keep_their_numbers() {
        let found = places(
            "kind: school\nname: Ш\nhead: И.И. Иванов\nroadmap:\n  subject: s\n  sections:\n    - title: [1]\n    - title: ok\n    - title: {a: 1}\n    - title: ok\n      items: [{title: t, colour: red}]\n",
        );
        let fields: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
        assert_eq!(
            fields,
            [
                "roadmap.sections[0].title",
                "roadmap.sections[2].title",
                "roadmap.sections[3].items[0].colour"
            ],
            "{found:#?}"
        );
        assert_eq!((found[1].0, found[1].1), (9, 7));
        assert_eq!((found[2].0, found[2].1), (11, 26));
    }

    #[test]
    fn a_missing_or_wrong_required_field_is_reported_once() {
        // `name` missing, a document's required date wrong: no echo of a stand-in.
        let found = places(
            "kind: school\nhead: И.И. Иванов\ndocuments:\n  d: {date: вчера, number: '1'}\n  e: {number: '2'}\n",
        );
        let fields: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
        assert_eq!(
            fields,
            ["name", "documents.d.date", "documents.e.date"],
            "{found:#?}"
        );
        assert!(found[2].3.contains("не указано обязательное поле «date»"));
    }

    #[test]
    fn a_wrong_kind_does_not_hide_the_rest() {
        let found = places("kind: гимназия\nname: Ш\nhead: 12\ncurator: nobody\n");
        assert_eq!(found.len(), 3, "{found:#?}");
        assert_eq!(found[0].2, "kind");
        assert_eq!(found[1].2, "head");
        assert_eq!(found[2].2, "curator");
    }
}
