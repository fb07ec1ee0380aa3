//! The benchmark: bundle throughput over a region of organisations that
//! differ, against bare Typst compiles of the same sources; the warm
//! per-kind overhead over bare Typst; a fresh `nastavnik render` against a
//! fresh typst-py compile; the peak memory of `nastavnik bundle`.
//!
//! Run from the repository root (it reads samples/ and spawns itself);
//! nothing here is a test, and the figures are for the machine it runs on:
//!
//! ```text
//! cargo build -p nastavnik-cli --bins
//! cargo run -p nastavnik-cli --bin nastavnik-bench                 # everything
//! cargo run -p nastavnik-cli --bin nastavnik-bench -- throughput   # one part: throughput, latency, process, memory
//! BENCH_ORGS=200,1000 BENCH_THREADS=1,2 cargo run -p nastavnik-cli --bin nastavnik-bench -- throughput
//! BENCH_MEMORY_ORGS=1000 cargo run -p nastavnik-cli --bin nastavnik-bench -- memory
//! cargo run -p nastavnik-cli --bin nastavnik-bench -- region DIR 200 [--limits]   # write the region only
//! ```
//!
//! Typst memoizes layouts: organisations that are near copies cost almost
//! nothing after the first. The region is therefore the five samples, each
//! varied per organisation in its name, its people, its dates (shifted by up
//! to four years) and the wording of its roadmap items, so every document
//! is laid out anew, as in a real region.

/// The allocator under the `nastavnik` binary (see its `memory.rs`), so that
/// bare Typst and nastavnik are measured on the same one.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use nastavnik_gen::backend::typst::timing;
use nastavnik_gen::{bundle, DocumentKind, Format, Renderer, TypstEngine};

const SAMPLES: [&str; 5] = [
    "samples/school9-2020.yaml",
    "samples/sosh19-2021.yaml",
    "samples/terengul-lyceum-2023.yaml",
    "samples/sharya-2020.yaml",
    "samples/novoshakhtinsk-2022.yaml",
];

const MALE: [&str; 30] = [
    "Иванов",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Васильев",
    "Соколов",
    "Михайлов",
    "Новиков",
    "Фёдоров",
    "Морозов",
    "Волков",
    "Алексеев",
    "Лебедев",
    "Семёнов",
    "Егоров",
    "Павлов",
    "Козлов",
    "Степанов",
    "Николаев",
    "Орлов",
    "Андреев",
    "Макаров",
    "Никитин",
    "Захаров",
    "Зайцев",
    "Соловьёв",
    "Борисов",
    "Яковлев",
    "Григорьев",
    "Романов",
];

const UNDECLINED: [&str; 8] = [
    "Шевчук",
    "Ковальчук",
    "Мельник",
    "Кравчук",
    "Ткачук",
    "Бондарук",
    "Гончарук",
    "Савчук",
];

const PHRASES: [&str; 12] = [
    " с привлечением социальных партнёров",
    " в том числе в дистанционном формате",
    " для обучающихся 5–9 классов",
    " с участием родительской общественности",
    " на базе школьного методического объединения",
    " по итогам анкетирования участников",
    " с учётом результатов мониторинга прошлого года",
    " совместно с выпускниками школы",
    " в рамках работы Совета наставников",
    " с публикацией материалов на сайте",
    " для педагогов со стажем до трёх лет",
    " по согласованию с муниципальным методическим центром",
];

/// A small deterministic generator: the same region on every run.
fn mix(a: usize, b: usize) -> usize {
    let mut x =
        (a as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (b as u64).wrapping_add(0x632B_E59B);
    x ^= x >> 31;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 29;
    x as usize
}

fn top_value<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines().find_map(|l| {
        let v = l.strip_prefix(key)?.strip_prefix(": ")?;
        Some(v.split(" #").next().unwrap_or(v).trim())
    })
}

/// The word replacing a surname in organisation `i`: the same gender and the
/// same kind of declension.
fn new_surname(old: &str, i: usize, k: usize) -> String {
    let n = mix(i, k);
    if old.ends_with("ова") || old.ends_with("ева") || old.ends_with("ина") {
        format!("{}а", MALE[n % MALE.len()])
    } else if old.ends_with("ов") || old.ends_with("ев") || old.ends_with("ин") {
        MALE[n % MALE.len()].to_string()
    } else {
        UNDECLINED[n % UNDECLINED.len()].to_string()
    }
}

fn replace_word(text: &str, old: &str, new: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(old) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + old.len()..].chars().next();
        out.push_str(&rest[..at]);
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        if word(before) || word(after) {
            out.push_str(old);
        } else {
            out.push_str(new);
        }
        rest = &rest[at + old.len()..];
    }
    out.push_str(rest);
    out
}

/// Organisation `i` of the region: a sample with its own name, people, dates
/// and roadmap wording. Each change is kept only if the file still loads.
fn vary(base: &str, i: usize) -> String {
    let number = 100 + i;
    let mut text = base.to_string();
    // Names: «№ 9» becomes «№ 109»; a name without a number gets one.
    for key in ["name", "name_genitive", "short_name"] {
        if let Some(old) = top_value(&text, key) {
            let old = old.to_string();
            let new = match old.find("№ ") {
                Some(at) => {
                    let digits = old[at + "№ ".len()..]
                        .chars()
                        .take_while(char::is_ascii_digit)
                        .count();
                    format!(
                        "{}№ {number}{}",
                        &old[..at],
                        &old[at + "№ ".len() + digits..]
                    )
                }
                None => format!("{old} № {number}"),
            };
            text = text.replace(&old, &new);
        }
    }
    let ok = |t: &str| nastavnik_core::load_str(t, "region.yaml").is_ok();
    // People: every surname, wherever it is written in the nominative.
    let mut surnames: Vec<String> = Vec::new();
    for line in text.lines() {
        let mut rest = line;
        while let Some(at) = rest.find("surname: ") {
            rest = &rest[at + "surname: ".len()..];
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphabetic() || *c == '-')
                .collect();
            if word.chars().count() > 2 && !surnames.contains(&word) {
                surnames.push(word);
            }
        }
        if let Some(at) = line.find("name: ") {
            let full: Vec<&str> = line[at + 6..]
                .split([',', '}'])
                .next()
                .unwrap_or("")
                .split(' ')
                .collect();
            if full.len() == 3
                && full
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            {
                let word = full[0].to_string();
                if word.chars().count() > 2 && !surnames.contains(&word) {
                    surnames.push(word);
                }
            }
        }
    }
    let mut people = text.clone();
    for (k, old) in surnames.iter().enumerate() {
        people = replace_word(&people, old, &new_surname(old, i, k));
    }
    if ok(&people) {
        text = people;
    }
    // Dates: every year shifted by 0–4 (a 29 February that does not survive
    // the shift keeps the file's own years).
    let shift = i % 5;
    if shift > 0 {
        let mut shifted = String::with_capacity(text.len());
        let chars: Vec<char> = text.chars().collect();
        let mut j = 0;
        while j < chars.len() {
            let digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
            if j + 4 <= chars.len()
                && (j == 0 || !digit(j - 1))
                && !digit(j + 4)
                && (0..4).all(|k| digit(j + k))
            {
                let year: usize = chars[j..j + 4]
                    .iter()
                    .collect::<String>()
                    .parse()
                    .unwrap_or(0);
                if (1990..=2090).contains(&year) {
                    shifted.push_str(&(year + shift).to_string());
                    j += 4;
                    continue;
                }
            }
            shifted.push(chars[j]);
            j += 1;
        }
        if ok(&shifted) {
            text = shifted;
        }
    }
    // Roadmaps: about half of the items' titles get a clause of their own.
    let mut worded = String::with_capacity(text.len() + 4096);
    for (n, line) in text.lines().enumerate() {
        worded.push_str(line);
        let title = line.trim_start().strip_prefix("- title: ");
        let plain = title.is_some_and(|t| {
            !t.is_empty()
                && !t.starts_with(['"', '\'', '&', '*', '[', '{', '|', '>'])
                && !t.contains(" #")
                && !t.ends_with(':')
        });
        if plain && mix(i, n).is_multiple_of(2) {
            worded.push_str(PHRASES[mix(n, i) % PHRASES.len()]);
        }
        worded.push('\n');
    }
    if ok(&worded) {
        text = worded;
    }
    text
}

/// A school at the documented limits: 1 000 roadmap items, 5 000 people.
fn limits_school() -> String {
    let mut y = String::from(
        "kind: school\nname: Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 5000»\n\
         short_name: МБОУ «СШ № 5000»\nhead: { surname: Иванов, name: Иван, patronymic: Петрович, position: Директор }\n\
         people:\n",
    );
    for p in 0..5000 {
        let surname = MALE[p % MALE.len()];
        y.push_str(&format!(
            "  p{p}: {{ surname: {surname}, name: Пётр, patronymic: Иванович, position: учитель }}\n"
        ));
    }
    y.push_str(
        "curator: p0\norders:\n  implementation: { number: \"1\", date: 2026-09-01, start: 2026-09-01, acquainted: [p0, p1] }\n\
         roadmap:\n  subject: внедрения целевой модели наставничества на 2026/2027 учебный год\n  sections:\n",
    );
    for s in 0..10 {
        y.push_str(&format!(
            "    - title: Раздел {} плана{}\n      items:\n",
            s + 1,
            PHRASES[s % PHRASES.len()]
        ));
        for k in 0..100 {
            let n = s * 100 + k;
            y.push_str(&format!(
                "        - {{ title: Мероприятие {n}{}, deadline: до {:02}.{:02}.2027, responsible: {{ person: p{} }}, result: Результат {n} оформлен{} }}\n",
                PHRASES[mix(n, 1) % PHRASES.len()],
                1 + n % 28,
                1 + n % 12,
                n % 5000,
                PHRASES[mix(n, 2) % PHRASES.len()],
            ));
        }
    }
    y
}

/// Writes the region: `count` organisations (and a school at the limits).
fn write_region(dir: &Path, count: usize, limits: bool) -> Vec<PathBuf> {
    let bases: Vec<String> = SAMPLES
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("run from the repository root"))
        .collect();
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    let mut files = Vec::new();
    for i in 0..count {
        let path = dir.join(format!("org-{i:04}.yaml"));
        std::fs::write(&path, vary(&bases[i % bases.len()], i)).unwrap();
        files.push(path);
    }
    if limits {
        let path = dir.join("limits-5000.yaml");
        let text = limits_school();
        if let Err(e) = nastavnik_core::load_str(&text, "limits-5000.yaml") {
            panic!("the school at the limits does not load: {e}");
        }
        std::fs::write(&path, text).unwrap();
        files.push(path);
    }
    files
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Peak resident memory of this process, from /proc.
fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

/// How a throughput run makes an organisation's PDFs.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// As `nastavnik bundle` does: one layout, every PDF cut from it.
    Bundle,
    /// As before: every document laid out alone, then all again for bundle.pdf.
    Twice,
    /// Bare Typst: each document's Typst source compiled alone (sources made
    /// before the clock starts).
    Bare,
}

/// The first `count` organisations of a region written by `region`, in order.
fn region_files(dir: &Path, count: usize) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("write the region first: nastavnik-bench region DIR N")
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("org-"))
        })
        .collect();
    files.sort();
    files.truncate(count);
    files
}

/// The Typst source of every document of every organisation, as a bundle makes them.
fn typst_sources(renderer: &Renderer, files: &[PathBuf]) -> Vec<Vec<String>> {
    files
        .iter()
        .map(|f| {
            let org = nastavnik_core::load_path(f).unwrap().organization;
            let (docs, _) = bundle::documents(renderer, &org, &[]).unwrap();
            docs.iter()
                .map(|(_, d)| {
                    String::from_utf8(renderer.write(d, Format::Typ).unwrap().bytes).unwrap()
                })
                .collect()
        })
        .collect()
}

/// One line of the throughput table, in a process of its own (its peak memory is its own).
fn throughput_run(mode: Mode, dir: &Path, count: usize, jobs: usize) {
    let files = region_files(dir, count);
    let renderer = Renderer::new();
    let engine = TypstEngine::shared();
    // For bare Typst: the sources, made before the clock starts.
    let sources = if mode == Mode::Bare {
        typst_sources(&renderer, &files)
    } else {
        Vec::new()
    };
    let next = AtomicUsize::new(0);
    let documents = AtomicUsize::new(0);
    // Our own phases, summed over the threads (Typst's are counted by the engine).
    let loading = Phase::default();
    let modelling = Phase::default();
    let writing = Phase::default();
    for phase in [&timing::LAYOUT, &timing::CUT, &timing::EXPORT] {
        phase.take();
    }
    let start = Instant::now();
    let work = || loop {
        let i = next.fetch_add(1, Ordering::SeqCst);
        let Some(file) = files.get(i) else { break };
        match mode {
            Mode::Bare => {
                for source in &sources[i] {
                    std::hint::black_box(engine.compile(source, "bench", None).unwrap());
                    documents.fetch_add(1, Ordering::SeqCst);
                }
            }
            Mode::Bundle | Mode::Twice => {
                let org = loading
                    .time(|| nastavnik_core::load_path(file))
                    .unwrap()
                    .organization;
                let (docs, _) = modelling
                    .time(|| bundle::documents(&renderer, &org, &[]))
                    .unwrap();
                if mode == Mode::Bundle {
                    std::hint::black_box(
                        writing
                            .time(|| bundle::pdfs(&renderer, org.short(), &docs))
                            .unwrap(),
                    );
                } else {
                    writing.time(|| {
                        for (_, doc) in &docs {
                            std::hint::black_box(renderer.pdf(doc).unwrap());
                        }
                        let merged = bundle::merge(org.short(), &docs);
                        std::hint::black_box(renderer.pdf(&merged).unwrap());
                    });
                }
                documents.fetch_add(docs.len(), Ordering::SeqCst);
            }
        }
        nastavnik_gen::evict_caches();
    };
    // The workers as `nastavnik bundle` runs them, bare Typst's too: a
    // thread each, which also does its Typst's parallel work.
    nastavnik_gen::bundle::in_parallel(jobs, files.len(), work).unwrap();
    let elapsed = start.elapsed();
    println!(
        "{} {} {:.0} {} {} {} {} {} {}",
        documents.into_inner(),
        elapsed.as_secs_f64(),
        peak_memory_mib().unwrap_or(0.0),
        loading.seconds(),
        modelling.seconds(),
        writing.seconds(),
        timing::LAYOUT.take().as_secs_f64(),
        timing::CUT.take().as_secs_f64(),
        timing::EXPORT.take().as_secs_f64(),
    );
}

/// Time spent in one of our phases, summed over the threads.
#[derive(Default)]
struct Phase(std::sync::Mutex<Duration>);

impl Phase {
    fn time<T>(&self, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        *self.0.lock().unwrap() += start.elapsed();
        out
    }

    fn seconds(&self) -> f64 {
        self.0.lock().unwrap().as_secs_f64()
    }
}

fn throughput(exe: &Path) {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let sizes: Vec<usize> = std::env::var("BENCH_ORGS")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![200, 1000]);
    let largest = sizes.iter().copied().max().unwrap_or(200);
    let dir = std::env::temp_dir().join("nastavnik-bench-region");
    write_region(&dir, largest, false);
    println!(
        "## Bundle throughput: distinct organisations (the five samples, each varied in name, people, dates and roadmap)\n"
    );
    println!(
        "PDFs of every public kind per organisation (bundle.pdf not counted as a document); one child process per line.\n"
    );
    let mut phases = Vec::new();
    println!("| organisations | threads | how | documents | wall time | documents/s | against bare Typst | peak memory |");
    println!("|---|---|---|---|---|---|---|---|");
    for &count in &sizes {
        let mut threads: Vec<usize> = std::env::var("BENCH_THREADS")
            .ok()
            .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
            .unwrap_or_else(|| vec![1, cores]);
        threads.dedup();
        for &jobs in &threads {
            let mut bare_time = None;
            for (mode, name) in [
                ("bare", "bare Typst, each document alone"),
                (
                    "bundle",
                    "nastavnik: one layout, each PDF, bundle.pdf joined",
                ),
                ("twice", "before: each alone + bundle.pdf again"),
            ] {
                // The old way at 1 000 organisations on one thread takes long and says nothing new.
                if mode == "twice" && count > 200 {
                    continue;
                }
                let out = Command::new(exe)
                    .args([
                        "throughput-run",
                        mode,
                        dir.to_str().unwrap(),
                        &count.to_string(),
                        &jobs.to_string(),
                    ])
                    .output()
                    .unwrap();
                let line = String::from_utf8_lossy(&out.stdout);
                let parts: Vec<f64> = line
                    .split_whitespace()
                    .filter_map(|w| w.parse().ok())
                    .collect();
                let [documents, seconds, peak, load, model, write, layout, cut, export] = parts[..]
                else {
                    println!(
                        "| {count} | {jobs} | {name} | failed: {} |",
                        String::from_utf8_lossy(&out.stderr).trim()
                    );
                    continue;
                };
                if mode == "bare" {
                    bare_time = Some(seconds);
                }
                let ratio = bare_time.map_or("—".to_string(), |b| format!("{:.2}×", seconds / b));
                println!(
                    "| {count} | {jobs} | {name} | {documents:.0} | {seconds:.1} s | {:.1} | {ratio} | {peak:.0} MiB |",
                    documents / seconds
                );
                // Summed over threads: the share of each phase in the work done.
                let source = (write - layout - cut - export).max(0.0);
                let total = (load + model + write).max(layout + cut + export);
                let share = |s: f64| format!("{:.1} s ({:.0} %)", s, 100.0 * s / total.max(1e-9));
                phases.push(format!(
                    "| {count} | {jobs} | {mode} | {} | {} | {} | {} | {} | {} |",
                    share(load),
                    share(model),
                    share(source),
                    share(layout),
                    share(cut),
                    share(export)
                ));
            }
        }
    }
    println!("\nWhere the time goes, summed over the threads (YAML: loading and checking the file; model: templates and IR; source: merging and the Typst source, the layout library parsed; layout: `typst::compile`; cut: a bundle's layout split into documents; PDF: `typst_pdf::pdf`, and for a bundle the join of bundle.pdf from the documents' PDFs):\n");
    println!("| organisations | threads | how | YAML | model | source | layout | cut | PDF |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for line in phases {
        println!("{line}");
    }
    println!();
}

/// The sample that has data for a kind.
fn sample_for(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::ReportInterim | DocumentKind::ReportFinal => "samples/sosh19-2021.yaml",
        _ => "samples/school9-2020.yaml",
    }
}

fn latency() {
    let renderer = Renderer::new();
    let engine = TypstEngine::shared();
    println!(
        "## Per kind in a warm process (median of 15, Typst's caches emptied before each run)\n"
    );
    println!("| kind | YAML → PDF | of which YAML | of which model | YAML → DOCX | bare Typst compile | overhead over Typst |");
    println!("|---|---|---|---|---|---|---|");
    let mut total_ours = Duration::ZERO;
    let mut total_bare = Duration::ZERO;
    for kind in DocumentKind::ALL {
        let text = std::fs::read_to_string(sample_for(kind)).expect("run from the repository root");
        let Ok(org) = nastavnik_core::load_str(&text, "bench.yaml") else {
            continue;
        };
        if renderer.document(&org.organization, kind).is_err() {
            continue;
        }
        // The whole way, and its first two steps: the YAML loaded and
        // checked, the document model made from the templates.
        let steps = |format: Format| {
            nastavnik_gen::evict_all_caches();
            let start = Instant::now();
            let org = nastavnik_core::load_str(&text, "bench.yaml")
                .unwrap()
                .organization;
            let loaded = start.elapsed();
            let doc = renderer.document(&org, kind).unwrap();
            let modelled = start.elapsed();
            std::hint::black_box(renderer.write(&doc, format).unwrap());
            (start.elapsed(), loaded, modelled - loaded)
        };
        let run = |format: Format| steps(format).0;
        let source = String::from_utf8(
            renderer
                .render(&org.organization, kind, Format::Typ)
                .unwrap()
                .bytes,
        )
        .unwrap();
        let bare_run = || {
            nastavnik_gen::evict_all_caches();
            let start = Instant::now();
            std::hint::black_box(engine.compile(&source, "bench", None).unwrap());
            start.elapsed()
        };
        run(Format::Pdf);
        bare_run();
        // Ours and bare Typst alternate, so both see the same load on the machine.
        let mut ours = Vec::new();
        let mut loads = Vec::new();
        let mut models = Vec::new();
        let mut bare = Vec::new();
        for _ in 0..15 {
            let (all, load, model) = steps(Format::Pdf);
            ours.push(all);
            loads.push(load);
            models.push(model);
            bare.push(bare_run());
        }
        let (pdf, bare) = (median(ours), median(bare));
        let (load, model) = (median(loads), median(models));
        let docx = median((0..15).map(|_| run(Format::Docx)).collect());
        total_ours += pdf;
        total_bare += bare;
        let overhead = (pdf.as_secs_f64() / bare.as_secs_f64() - 1.0) * 100.0;
        println!(
            "| {} | {} | {} | {} | {} | {} | {overhead:+.1} % |",
            kind.id(),
            ms(pdf),
            ms(load),
            ms(model),
            ms(docx),
            ms(bare)
        );
    }
    let overall = (total_ours.as_secs_f64() / total_bare.as_secs_f64() - 1.0) * 100.0;
    println!(
        "\nAll kinds summed: YAML → PDF {} against bare Typst {}: overhead {overall:+.1} %.\n",
        ms(total_ours),
        ms(total_bare)
    );
}

fn nastavnik_exe() -> PathBuf {
    let dir = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf();
    dir.join("nastavnik")
}

/// A fresh `nastavnik render` of the seed-000 roadmap against a fresh
/// typst-py compile of the same Typst source (`BENCH_PYTHON`: a Python with
/// `pip install typst`; default /tmp/nastavnik-bench-venv/bin/python).
fn process() {
    let exe = nastavnik_exe();
    let dir = std::env::temp_dir().join("nastavnik-bench-process");
    let _ = std::fs::create_dir_all(&dir);
    let sample = "samples/school9-2020.yaml";
    println!("## A fresh process: the seed-000 roadmap ({sample}), median of 9\n");
    let render = |format: &str| {
        let start = Instant::now();
        let status = Command::new(&exe)
            .args([
                "render", sample, "--doc", "roadmap", "--format", format, "--output",
            ])
            .arg(dir.join(format!("roadmap.{format}")))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .expect("build the binary first: cargo build -p nastavnik-cli --bins");
        assert!(status.success());
        start.elapsed()
    };
    // The same source and layout library for typst-py, and the same font.
    let typ = dir.join("main.typ");
    render("typ");
    std::fs::rename(dir.join("roadmap.typ"), &typ).unwrap();
    std::fs::write(
        dir.join("nastavnik.typ"),
        nastavnik_gen::backend::typst::LAYOUT_LIBRARY,
    )
    .unwrap();
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../nastavnik-gen/fonts");
    let python = std::env::var("BENCH_PYTHON")
        .unwrap_or_else(|_| "/tmp/nastavnik-bench-venv/bin/python".into());
    // As a user calls it (the system's fonts scanned, ours added), and
    // with the system's fonts left out (only the font the source uses).
    let script = |system: bool| {
        format!(
            "import typst; typst.compile({:?}, output={:?}, font_paths=[{:?}]{})",
            typ.display().to_string(),
            dir.join("typst-py.pdf").display().to_string(),
            fonts.display().to_string(),
            if system {
                ""
            } else {
                ", ignore_system_fonts=True"
            }
        )
    };
    let typst_py = |system: bool| {
        let start = Instant::now();
        let ok = Command::new(&python)
            .args(["-c", &script(system)])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| start.elapsed())
    };
    let _ = render("pdf");
    let have_py = typst_py(true).is_some() && typst_py(false).is_some();
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    let mut theirs_bare = Vec::new();
    for _ in 0..9 {
        ours.push(render("pdf"));
        if have_py {
            theirs.push(typst_py(true).unwrap());
            theirs_bare.push(typst_py(false).unwrap());
        }
    }
    let docx = median((0..9).map(|_| render("docx")).collect());
    let ours = median(ours);
    println!("| what | wall time |\n|---|---|");
    println!(
        "| `nastavnik render --doc roadmap --format pdf` ({}) | {} |",
        exe.display(),
        ms(ours)
    );
    println!(
        "| `nastavnik render --doc roadmap --format docx` | {} |",
        ms(docx)
    );
    if have_py {
        let (theirs, theirs_bare) = (median(theirs), median(theirs_bare));
        println!(
            "| typst-py `typst.compile(main.typ, font_paths=[fonts])`, fresh Python (as a user calls it: the system's fonts scanned too) | {} |",
            ms(theirs)
        );
        println!(
            "| typst-py, the same with `ignore_system_fonts=True` (only the embedded font's folder) | {} |",
            ms(theirs_bare)
        );
        println!(
            "\nnastavnik against typst-py: {:.2}× as a user calls it, {:.2}× without the system's fonts\n",
            ours.as_secs_f64() / theirs.as_secs_f64(),
            ours.as_secs_f64() / theirs_bare.as_secs_f64()
        );
    } else {
        println!("\ntypst-py not found at {python}: `python3 -m venv /tmp/nastavnik-bench-venv && /tmp/nastavnik-bench-venv/bin/pip install typst`, or set BENCH_PYTHON.\n");
    }
}

/// `nastavnik bundle` itself under `/usr/bin/time -v`: peak memory over a
/// region with a school at the documented limits.
fn memory() {
    let exe = nastavnik_exe();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let count: usize = std::env::var("BENCH_MEMORY_ORGS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    let dir = std::env::temp_dir().join("nastavnik-bench-memory");
    let files = write_region(&dir.join("in"), count, true);
    println!(
        "## `nastavnik bundle --format pdf,docx` on {} files ({count} distinct organisations and one school at the limits: 1 000 roadmap items, 5 000 people), {cores} threads\n",
        files.len()
    );
    let out = dir.join("out");
    let _ = std::fs::remove_dir_all(&out);
    let run = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(&exe)
        .args(["bundle"])
        .arg(dir.join("in"))
        .arg("--output")
        .arg(&out)
        .args(["--format", "pdf,docx", "--quiet"])
        .output();
    let Ok(run) = run else {
        println!("/usr/bin/time is not installed (Debian package `time`).\n");
        return;
    };
    let report = String::from_utf8_lossy(&run.stderr);
    let field = |name: &str| {
        report
            .lines()
            .find_map(|l| l.trim().strip_prefix(name).map(|v| v.trim().to_string()))
            .unwrap_or_default()
    };
    let peak_kb: f64 = field("Maximum resident set size (kbytes):")
        .parse()
        .unwrap_or(0.0);
    println!("| exit | wall time | peak memory (max RSS) |\n|---|---|---|");
    println!(
        "| {} | {} | {:.0} MiB |\n",
        run.status.code().unwrap_or(-1),
        field("Elapsed (wall clock) time (h:mm:ss or m:ss):"),
        peak_kb / 1024.0
    );
    let _ = std::fs::remove_dir_all(&out);
}

/// The same documents' sources laid out with other layout libraries, one
/// thread: what a change to `nastavnik.typ` costs or saves, before it is
/// embedded (`layouts DIR N [FILE.typ …]`; the embedded library first).
fn layouts(dir: &Path, count: usize, libraries: &[String]) {
    let files = region_files(dir, count);
    let renderer = Renderer::new();
    let engine = TypstEngine::shared();
    let sources = typst_sources(&renderer, &files);
    let mut texts = vec![(
        "embedded".to_string(),
        nastavnik_gen::backend::typst::LAYOUT_LIBRARY.to_string(),
    )];
    for l in libraries {
        texts.push((l.clone(), std::fs::read_to_string(l).unwrap()));
    }
    println!("| layout library | documents | pages | pages unlike the first | layout | PDF writing | documents/s |\n|---|---|---|---|---|---|---|");
    let mut first_pages: Vec<usize> = Vec::new();
    for (n, (name, text)) in texts.iter().enumerate() {
        let layout = nastavnik_gen::backend::typst::Layout { text, origin: None };
        nastavnik_gen::evict_all_caches();
        timing::LAYOUT.take();
        timing::EXPORT.take();
        let start = Instant::now();
        let mut pages = Vec::new();
        for org in &sources {
            for source in org {
                pages.push(
                    engine
                        .compile_with(source, &layout, "bench", None)
                        .unwrap()
                        .pages,
                );
            }
            nastavnik_gen::evict_caches();
        }
        let elapsed = start.elapsed();
        if n == 0 {
            first_pages = pages.clone();
        }
        let unlike = pages
            .iter()
            .zip(&first_pages)
            .filter(|(a, b)| a != b)
            .count();
        println!(
            "| {name} | {} | {} | {unlike} | {:.2} s | {:.2} s | {:.1} |",
            pages.len(),
            pages.iter().sum::<usize>(),
            timing::LAYOUT.take().as_secs_f64(),
            timing::EXPORT.take().as_secs_f64(),
            pages.len() as f64 / elapsed.as_secs_f64()
        );
    }
}

/// Our own work alone, for a profiler: every kind's YAML loaded, its model
/// made and its Typst source written, `rounds` times (`ours [ROUNDS]`).
fn ours(rounds: usize) {
    let renderer = Renderer::new();
    let mut loading = Duration::ZERO;
    let mut modelling = Duration::ZERO;
    let mut writing = Duration::ZERO;
    let mut runs = 0;
    for _ in 0..rounds {
        for kind in DocumentKind::ALL {
            let text =
                std::fs::read_to_string(sample_for(kind)).expect("run from the repository root");
            let start = Instant::now();
            let Ok(org) = nastavnik_core::load_str(&text, "bench.yaml") else {
                continue;
            };
            let loaded = Instant::now();
            let Ok(doc) = renderer.document(&org.organization, kind) else {
                continue;
            };
            let modelled = Instant::now();
            std::hint::black_box(renderer.write(&doc, Format::Typ).unwrap());
            writing += modelled.elapsed();
            modelling += modelled - loaded;
            loading += loaded - start;
            runs += 1;
        }
    }
    let per = |d: Duration| ms(d / runs.max(1) as u32);
    println!(
        "{runs} documents: YAML {} · model {} · Typst source {} per document",
        per(loading),
        per(modelling),
        per(writing)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let exe = std::env::current_exe().unwrap();
    match args.get(1).map(String::as_str) {
        Some("throughput-run") => {
            let mode = match args[2].as_str() {
                "bare" => Mode::Bare,
                "twice" => Mode::Twice,
                _ => Mode::Bundle,
            };
            throughput_run(
                mode,
                Path::new(&args[3]),
                args[4].parse().unwrap(),
                args[5].parse().unwrap(),
            )
        }
        Some("region") => {
            let dir = PathBuf::from(args.get(2).expect("region DIR N [--limits]"));
            let count = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(200);
            let files = write_region(&dir, count, args.iter().any(|a| a == "--limits"));
            println!("{} files in {}", files.len(), dir.display());
        }
        Some("layouts") => layouts(
            Path::new(args.get(2).expect("layouts DIR N [FILE.typ …]")),
            args.get(3).and_then(|n| n.parse().ok()).unwrap_or(20),
            &args[4.min(args.len())..],
        ),
        Some("ours") => ours(args.get(2).and_then(|n| n.parse().ok()).unwrap_or(50)),
        Some("throughput") => throughput(&exe),
        Some("latency") => latency(),
        Some("process") => process(),
        Some("memory") => memory(),
        _ => {
            latency();
            process();
            throughput(&exe);
            memory();
        }
    }
}
