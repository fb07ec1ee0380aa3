//! The benchmark: latency per document kind, our overhead over a bare Typst
//! compile, bundle throughput and peak memory, and a fresh process's wall time.
//!
//! Run from the repository root (it reads samples/ and spawns itself):
//!
//! ```text
//! cargo run -p nastavnik-cli --bin nastavnik-bench            # everything
//! cargo run -p nastavnik-cli --bin nastavnik-bench -- latency  # one part: latency, bundle, process
//! ```
//!
//! Figures are for the machine it runs on; nothing here is a test.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use nastavnik_gen::{DocumentKind, Format, Renderer, TypstEngine};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
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
    println!("## Latency in a warm process (median of 15)\n");
    println!("| kind | YAML → PDF | YAML → DOCX | bare Typst compile | overhead over Typst |");
    println!("|---|---|---|---|---|");
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
        // Typst memoizes layouts across compilations; start every run without them,
        // as a bundle of different schools does, for ours and for the bare compile alike.
        let run = |format: Format| {
            nastavnik_gen::evict_all_caches();
            let start = Instant::now();
            let org = nastavnik_core::load_str(&text, "bench.yaml")
                .unwrap()
                .organization;
            let bytes = renderer.render(&org, kind, format).unwrap();
            std::hint::black_box(bytes);
            start.elapsed()
        };
        // Warm up the caches once, as a long-lived process would have.
        run(Format::Pdf);
        let pdf = median((0..15).map(|_| run(Format::Pdf)).collect());
        let docx = median((0..15).map(|_| run(Format::Docx)).collect());
        let source = String::from_utf8(
            renderer
                .render(&org.organization, kind, Format::Typ)
                .unwrap()
                .bytes,
        )
        .unwrap();
        let bare = median(
            (0..15)
                .map(|_| {
                    nastavnik_gen::evict_all_caches();
                    let start = Instant::now();
                    std::hint::black_box(engine.compile(&source, "bench", None).unwrap());
                    start.elapsed()
                })
                .collect(),
        );
        total_ours += pdf;
        total_bare += bare;
        let overhead = (pdf.as_secs_f64() / bare.as_secs_f64() - 1.0) * 100.0;
        println!(
            "| {} | {} | {} | {} | {overhead:+.1} % |",
            kind.id(),
            ms(pdf),
            ms(docx),
            ms(bare)
        );
    }
    let overall = (total_ours.as_secs_f64() / total_bare.as_secs_f64() - 1.0) * 100.0;
    println!(
        "\nAll kinds together: YAML → PDF {} vs bare Typst {} ({overall:+.1} %).\n",
        ms(total_ours),
        ms(total_bare)
    );
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

/// Renders `schools` synthetic schools (the samples with new names) on `jobs`
/// threads, every public kind as PDF plus the merged bundle; prints one line.
fn bundle_run(schools: usize, jobs: usize) {
    let texts: Vec<String> = [
        "samples/school9-2020.yaml",
        "samples/sosh19-2021.yaml",
        "samples/terengul-lyceum-2023.yaml",
        "samples/sharya-2020.yaml",
        "samples/novoshakhtinsk-2022.yaml",
    ]
    .iter()
    .map(|p| std::fs::read_to_string(p).expect("run from the repository root"))
    .collect();
    let renderer = Renderer::new();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let documents = std::sync::atomic::AtomicUsize::new(0);
    let start = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                if i >= schools {
                    break;
                }
                let base = &texts[i % texts.len()];
                // A distinct school: its number appears in its name and so in every document.
                let text = base.replacen("\nname: ", &format!("\nname: Школа-{i} "), 1);
                let org = nastavnik_core::load_str(&text, "synthetic.yaml")
                    .unwrap()
                    .organization;
                let (docs, _) = nastavnik_gen::bundle::documents(&renderer, &org, &[]).unwrap();
                for (_, doc) in &docs {
                    std::hint::black_box(renderer.pdf(doc).unwrap());
                    documents.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                }
                std::hint::black_box(
                    renderer
                        .pdf(&nastavnik_gen::bundle::merge(org.short(), &docs))
                        .unwrap(),
                );
                documents.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                nastavnik_gen::evict_caches();
            });
        }
    });
    let elapsed = start.elapsed();
    let n = documents.into_inner();
    println!(
        "| {schools} | {jobs} | {n} | {:.1} s | {:.1} | {:.0} MiB |",
        elapsed.as_secs_f64(),
        n as f64 / elapsed.as_secs_f64(),
        peak_memory_mib().unwrap_or(0.0)
    );
}

fn bundle(exe: &Path) {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("## Bundle throughput (every public kind as PDF + the merged bundle.pdf; one process per line)\n");
    println!("| schools | threads | documents | wall time | documents/s | peak memory |");
    println!("|---|---|---|---|---|---|");
    let sizes: Vec<usize> = std::env::var("BENCH_SCHOOLS")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 100, 1000]);
    for schools in sizes {
        for jobs in [1, cores] {
            // A child process per run, so each peak memory is its own.
            let out = Command::new(exe)
                .args(["bundle-run", &schools.to_string(), &jobs.to_string()])
                .output()
                .unwrap();
            print!("{}", String::from_utf8_lossy(&out.stdout));
            if cores == 1 {
                break;
            }
        }
    }
    println!();
}

fn process() {
    let exe = Path::new("target/debug/nastavnik");
    let release = Path::new("target/release/nastavnik");
    let exe = if release.exists() { release } else { exe };
    println!(
        "## A fresh `nastavnik render` process ({}, median of 7)\n",
        exe.display()
    );
    let dir = std::env::temp_dir().join("nastavnik-bench");
    let _ = std::fs::create_dir_all(&dir);
    for format in ["pdf", "docx"] {
        let times: Vec<Duration> = (0..7)
            .map(|_| {
                let start = Instant::now();
                let status = Command::new(exe)
                    .args([
                        "render",
                        "samples/sharya-2020.yaml",
                        "--doc",
                        "order-implementation",
                        "--format",
                        format,
                        "--output",
                    ])
                    .arg(dir.join(format!("order.{format}")))
                    .stderr(std::process::Stdio::null())
                    .status()
                    .expect("build the binary first: cargo build -p nastavnik-cli");
                assert!(status.success());
                start.elapsed()
            })
            .collect();
        println!("- order-implementation → {format}: {}", ms(median(times)));
    }
    println!();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let exe = std::env::current_exe().unwrap();
    match args.get(1).map(String::as_str) {
        Some("bundle-run") => bundle_run(args[2].parse().unwrap(), args[3].parse().unwrap()),
        Some("latency") => latency(),
        Some("bundle") => bundle(&exe),
        Some("process") => process(),
        _ => {
            latency();
            process();
            bundle(&exe);
        }
    }
}
