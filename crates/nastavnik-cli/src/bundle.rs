//! `nastavnik bundle`: every public document of every organisation in a set
//! of YAML files, a merged PDF per organisation, and a manifest.

use std::collections::BTreeSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use nastavnik_gen::{bundle, DocumentKind, Format, Renderer};
use sha2::{Digest, Sha256};

use crate::Failure;

/// What `bundle` was asked to do.
pub struct BundleJob {
    /// YAML files and directories of them.
    pub inputs: Vec<PathBuf>,
    /// Where the organisations' folders go.
    pub output: PathBuf,
    /// PDF always; DOCX too when asked.
    pub formats: Vec<Format>,
    /// Private kinds (the bases) to include by name.
    pub include: Vec<DocumentKind>,
    /// The I-th of N slices: (I, N), 1-based.
    pub shard: Option<(usize, usize)>,
    /// Worker threads.
    pub jobs: usize,
    /// Say nothing but errors.
    pub quiet: bool,
}

/// The YAML files under the inputs, sorted so that shards are stable.
/// A symbolic link is followed only to a regular file inside the same input
/// folder; linked folders are not entered (no loops, nothing outside read).
pub fn collect_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeSet<PathBuf>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let path = entry.path();
            let kind = entry.file_type()?;
            let yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
            if kind.is_dir() {
                walk(root, &path, out)?;
            } else if kind.is_file() && yaml {
                out.insert(path);
            } else if kind.is_symlink() && yaml {
                let inside = path
                    .canonicalize()
                    .is_ok_and(|target| target.starts_with(root) && target.is_file());
                if inside {
                    out.insert(path);
                } else {
                    // The target is not named: it may be a secret.
                    eprintln!(
                        "пропущен {}: символическая ссылка ведёт за пределы каталога",
                        path.display()
                    );
                }
            }
        }
        Ok(())
    }
    let mut files = BTreeSet::new();
    for input in inputs {
        if input.is_dir() {
            let root = input.canonicalize().unwrap_or_else(|_| input.clone());
            walk(&root, input, &mut files).map_err(|e| {
                crate::bad_input(format!(
                    "не удалось прочитать каталог {}: {}",
                    input.display(),
                    nastavnik_core::russian::io_error(&e)
                ))
            })?;
        } else if input.is_file() {
            files.insert(input.clone());
        } else {
            return Err(crate::misuse(format!(
                "нет такого файла или каталога: {}",
                input.display()
            )));
        }
    }
    Ok(files.into_iter().collect())
}

/// A distinct name for each input file, for its folder: the file's stem, or
/// where two files share a stem, the stem with as many parent folders as
/// tell them apart (and a number if even the paths agree). Computed over
/// all files before sharding, so a school's folder is the same in every shard.
fn distinct_stems(files: &[PathBuf]) -> Vec<String> {
    let stem = |path: &Path, parents: usize| -> String {
        let mut parts: Vec<String> = path
            .with_extension("")
            .components()
            .rev()
            .take(parents + 1)
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        parts.reverse();
        parts.join("-")
    };
    let mut names: Vec<String> = files.iter().map(|f| stem(f, 0)).collect();
    for depth in 1..8 {
        let mut changed = false;
        let mut counts = std::collections::HashMap::<&str, usize>::new();
        for n in &names {
            *counts.entry(n.as_str()).or_insert(0) += 1;
        }
        let shared: Vec<bool> = names.iter().map(|n| counts[n.as_str()] > 1).collect();
        for (i, shared) in shared.into_iter().enumerate() {
            if shared {
                names[i] = stem(&files[i], depth);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut seen = std::collections::HashMap::<String, usize>::new();
    for name in &mut names {
        let count = seen.entry(name.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            name.push_str(&format!("-{count}"));
        }
    }
    names
}

/// A folder name from an organisation's short name: letters, digits and dashes.
fn folder_name(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out
        .trim_end_matches('-')
        .chars()
        .take(80)
        .collect::<String>();
    if out.is_empty() {
        "organization".into()
    } else {
        out
    }
}

/// One file written for an organisation, as the manifest lists it.
struct Entry {
    file: String,
    kind: String,
    title: String,
    pages: Option<usize>,
    sha256: String,
}

/// The folder written for an organisation and the warnings of its file, or what failed.
type Outcome = Result<(PathBuf, Vec<String>), String>;

/// Renders one organisation into its folder under `dir_root`.
fn render_organization(
    renderer: &Renderer,
    path: &Path,
    stem: &str,
    dir_root: &Path,
    job: &BundleJob,
) -> Outcome {
    let loaded = nastavnik_core::load_path(path).map_err(|e| e.to_string())?;
    let org = loaded.organization;
    let folder = dir_root.join(format!(
        "{}-{}",
        folder_name(org.short()),
        folder_name(stem)
    ));
    let (docs, skipped) =
        bundle::documents(renderer, &org, &job.include).map_err(|e| e.to_string())?;
    if docs.is_empty() {
        return Err("в файле нет данных ни для одного документа".into());
    }
    // Render everything first: a failure writes nothing for this organisation.
    // The PDFs come from one layout of all the documents; the other formats
    // are written beside it, on a spare thread of this organisation's pool
    // if it has one (`bundle::in_parallel`), else after it.
    let others: Vec<Format> = job
        .formats
        .iter()
        .copied()
        .filter(|f| *f != Format::Pdf)
        .collect();
    let (laid_out, written) = rayon::join(
        || {
            job.formats
                .contains(&Format::Pdf)
                .then(|| bundle::pdfs(renderer, org.short(), &docs))
                .transpose()
                .map_err(|e| format!("PDF: {e}"))
        },
        || {
            let mut out = Vec::new();
            for (kind, doc) in &docs {
                for format in &others {
                    let rendered = renderer
                        .write(doc, *format)
                        .map_err(|e| format!("{}: {e}", kind.id()))?;
                    out.push((*kind, *format, rendered.bytes, rendered.pages));
                }
            }
            Ok::<_, String>(out)
        },
    );
    let laid_out = laid_out?;
    let mut written = written?.into_iter();
    let mut files: Vec<(String, Vec<u8>, Entry)> = Vec::new();
    let mut pdfs = laid_out.as_ref().map(|l| l.documents.iter());
    for (kind, doc) in &docs {
        for format in &job.formats {
            let (bytes, pages) = if *format == Format::Pdf {
                let pdf = pdfs
                    .as_mut()
                    .and_then(Iterator::next)
                    .ok_or_else(|| format!("{}: нет PDF", kind.id()))?;
                (pdf.bytes.clone(), Some(pdf.pages))
            } else {
                let (_, _, bytes, pages) = written
                    .next()
                    .ok_or_else(|| format!("{}: нет {}", kind.id(), format.extension()))?;
                (bytes, pages)
            };
            let name = format!("{}.{}", kind.id(), format.extension());
            let entry = Entry {
                file: name.clone(),
                kind: kind.id().into(),
                title: doc.title.clone(),
                pages,
                sha256: sha256(&bytes),
            };
            files.push((name, bytes, entry));
        }
    }
    if let Some(laid_out) = laid_out {
        let pdf = laid_out.bundle;
        let entry = Entry {
            file: "bundle.pdf".into(),
            kind: "bundle".into(),
            title: org.short().to_string(),
            pages: Some(pdf.pages),
            sha256: sha256(&pdf.bytes),
        };
        files.push(("bundle.pdf".into(), pdf.bytes, entry));
    }

    let manifest = manifest(
        &org.name,
        path,
        &files.iter().map(|f| &f.2).collect::<Vec<_>>(),
        &skipped,
    );
    replace_folder(&folder, &files, &manifest)?;
    let notes = loaded.warnings.iter().map(ToString::to_string).collect();
    Ok((folder, notes))
}

/// Writes an organisation's folder aside and swaps it in whole: the folder
/// never holds a manifest that disagrees with its files, and whatever an
/// earlier run wrote there (a base of personal data no longer asked for)
/// goes with the old folder.
fn replace_folder(
    folder: &Path,
    files: &[(String, Vec<u8>, Entry)],
    manifest: &str,
) -> Result<(), String> {
    let io = |what: &str, path: &Path, e: std::io::Error| {
        format!(
            "не удалось {what} {}: {}",
            path.display(),
            nastavnik_core::russian::io_error(&e)
        )
    };
    let parent = folder.parent().unwrap_or(Path::new("."));
    let name = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    std::fs::create_dir_all(parent).map_err(|e| io("создать каталог", parent, e))?;
    let fresh = parent.join(format!(".{name}.new-{}", std::process::id()));
    let stale = parent.join(format!(".{name}.old-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&fresh);
    std::fs::create_dir(&fresh).map_err(|e| io("создать каталог", &fresh, e))?;
    let written = files
        .iter()
        .map(|(n, bytes, _)| (n.as_str(), bytes.as_slice()))
        .chain([("manifest.json", manifest.as_bytes())])
        .try_for_each(|(n, bytes)| {
            std::fs::write(fresh.join(n), bytes).map_err(|e| io("записать", &fresh.join(n), e))
        });
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&fresh);
        return Err(e);
    }
    if std::fs::symlink_metadata(folder).is_ok() {
        std::fs::rename(folder, &stale).map_err(|e| {
            let _ = std::fs::remove_dir_all(&fresh);
            io("заменить каталог", folder, e)
        })?;
    }
    std::fs::rename(&fresh, folder).map_err(|e| io("записать каталог", folder, e))?;
    let _ = std::fs::remove_dir_all(&stale);
    Ok(())
}

/// Removes what an interrupted run left beside the folders: `.name.new-PID`
/// and `.name.old-PID`.
fn remove_leftovers(output: &Path) {
    let Ok(entries) = std::fs::read_dir(output) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name.starts_with('.') && (name.contains(".new-") || name.contains(".old-"));
        if ours && entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn manifest(
    name: &str,
    source: &Path,
    entries: &[&Entry],
    skipped: &[(DocumentKind, String)],
) -> String {
    let files: Vec<serde_json::Value> = entries
        .iter()
        .map(|e| {
            serde_json::json!({
                "file": e.file,
                "kind": e.kind,
                "title": e.title,
                "pages": e.pages,
                "sha256": e.sha256,
            })
        })
        .collect();
    let skipped: Vec<serde_json::Value> = skipped
        .iter()
        .map(|(k, why)| serde_json::json!({ "kind": k.id(), "reason": why }))
        .collect();
    let value = serde_json::json!({
        "organization": name,
        "source": source.file_name().and_then(|n| n.to_str()).unwrap_or_default(),
        "files": files,
        "skipped": skipped,
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// How many bytes of YAML may be laid out at once, over all workers. Typst
/// needs about 1 GiB to lay out a roadmap of 5 000 items (a 2 MB file), and
/// a few MiB for an ordinary school (10–40 KB): ordinary schools run side by
/// side, a school near the limits runs alone.
const LAYOUT_BUDGET_BYTES: u64 = 256 * 1024;

/// Lets jobs run while the weights in flight fit the budget; a job heavier
/// than the whole budget runs when nothing else does.
struct MemoryBudget {
    limit: u64,
    in_flight: Mutex<u64>,
    freed: std::sync::Condvar,
}

impl MemoryBudget {
    fn new(limit: u64) -> Self {
        MemoryBudget {
            limit,
            in_flight: Mutex::new(0),
            freed: std::sync::Condvar::new(),
        }
    }

    fn run<T>(&self, weight: u64, job: impl FnOnce() -> T) -> T {
        {
            let mut in_flight = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
            while *in_flight > 0 && *in_flight + weight > self.limit {
                in_flight = self
                    .freed
                    .wait(in_flight)
                    .unwrap_or_else(|e| e.into_inner());
            }
            *in_flight += weight;
        }
        let out = job();
        *self.in_flight.lock().unwrap_or_else(|e| e.into_inner()) -= weight;
        self.freed.notify_all();
        out
    }
}

/// Runs a bundle: every organisation, in parallel; a failure does not stop the others.
pub fn run(job: &BundleJob, renderer: &Renderer) -> Result<(), Failure> {
    let all = collect_inputs(&job.inputs)?;
    let stems = distinct_stems(&all);
    let (files, stems): (Vec<PathBuf>, Vec<String>) = all
        .into_iter()
        .zip(stems)
        .enumerate()
        .filter(|(k, _)| job.shard.is_none_or(|(i, n)| k % n == i - 1))
        .map(|(_, pair)| pair)
        .unzip();
    remove_leftovers(&job.output);
    if files.is_empty() {
        return Err(crate::misuse("не найдено ни одного YAML-файла"));
    }
    let total = files.len();
    let progress = (!job.quiet && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(total as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, Outcome)>> = Mutex::new(Vec::new());
    let budget = MemoryBudget::new(LAYOUT_BUDGET_BYTES);
    nastavnik_gen::bundle::in_parallel(job.jobs, total, || {
        loop {
            let i = next.fetch_add(1, Ordering::SeqCst);
            let Some(path) = files.get(i) else { break };
            // A large school waits until the others in flight are done:
            // its layout alone may take a gigabyte.
            let weight = std::fs::metadata(path).map_or(0, |m| m.len());
            let result = budget.run(weight, || {
                render_organization(renderer, path, &stems[i], &job.output, job)
            });
            // Memoized layouts of finished schools are not needed again.
            nastavnik_gen::evict_caches();
            match &progress {
                Some(bar) => {
                    bar.set_message(
                        path.file_name()
                            .and_then(|n| n.to_str())
                            .unwrap_or("")
                            .to_string(),
                    );
                    bar.inc(1);
                }
                None if !job.quiet => match &result {
                    Ok((folder, _)) => {
                        eprintln!("готово: {} → {}", path.display(), folder.display())
                    }
                    Err(_) => eprintln!("ошибка: {}", path.display()),
                },
                None => {}
            }
            results
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((i, result));
        }
    })
    .map_err(|_| crate::bad_input("не удалось запустить потоки для сборки"))?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(i, _)| *i);
    let failed: Vec<_> = results
        .iter()
        .filter_map(|(i, r)| r.as_ref().err().map(|e| (&files[*i], e)))
        .collect();
    if !job.quiet {
        for (_, result) in &results {
            if let Ok((_, warnings)) = result {
                for w in warnings {
                    eprintln!("{w}");
                }
            }
        }
        eprintln!(
            "организаций: {total}, готово: {}, с ошибками: {}",
            total - failed.len(),
            failed.len()
        );
    }
    if failed.is_empty() {
        return Ok(());
    }
    let mut message = String::from("не удалось сформировать документы:\n");
    for (path, error) in failed {
        message.push_str(&format!("— {}:\n{error}\n", path.display()));
    }
    Err(crate::bad_input(message.trim_end()))
}
