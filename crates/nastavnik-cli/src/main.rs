//! `nastavnik`: documents of the Р-145 mentoring model from a YAML file.

mod bundle;
mod memory;

#[global_allocator]
static ALLOCATOR: memory::Counted = memory::Counted;
mod output;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use nastavnik_gen::{DocumentKind, Format, Renderer, Templates};

const AFTER_HELP: &str = "Начало работы:
  nastavnik init --name \"МБОУ СОШ № 1\" --output school.yaml   (заготовка с комментариями)
  nastavnik check school.yaml                                  (что исправить и где)
  nastavnik render school.yaml --format pdf,docx --output prikaz

Примеры:
  nastavnik render samples/sharya-2020.yaml --doc order-implementation --format pdf,docx --output out/prikaz
  nastavnik render samples/school9-2020.yaml --doc roadmap --format pdf --output karta.pdf
  nastavnik bundle samples/ --output out/bundles
  nastavnik list

Коды выхода: 0 — готово, 1 — ошибка во входных данных или шаблоне, 2 — неверный вызов.";

/// Документы целевой модели наставничества (распоряжение Минпросвещения России № Р-145)
/// из описания школы или органа управления образованием в YAML: приказы, дорожные карты — в PDF и DOCX.
#[derive(Parser)]
#[command(name = "nastavnik", version, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Сформировать документ из YAML-файла.
    #[command(
        after_help = "Пример:\n  nastavnik render samples/sharya-2020.yaml --doc order-implementation --format pdf,docx --output out/prikaz\n\nПри нескольких форматах --output задаёт имя без расширения: out/prikaz.pdf, out/prikaz.docx.\nФайлы записываются только целиком: при ошибке ничего не создаётся и не перезаписывается."
    )]
    Render {
        /// YAML-файл с описанием организации.
        file: PathBuf,
        /// Вид документа (см. `nastavnik list`).
        #[arg(long, default_value = "order-implementation")]
        doc: String,
        /// Форматы через запятую: pdf, docx, typ (исходный текст Typst).
        #[arg(long, default_value = "pdf", value_delimiter = ',')]
        format: Vec<String>,
        /// Куда записать: путь к файлу, имя без расширения при нескольких форматах, или «-» для вывода в stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Каталог со своими шаблонами; недостающие берутся встроенные.
        #[arg(long)]
        templates: Option<PathBuf>,
        /// Дополнительный каталог со шрифтами (семейство выбирается по списку: Times New Roman, PT Astra Serif, Liberation Serif, PT Serif).
        #[arg(long)]
        font_path: Vec<PathBuf>,
        /// Разрешить системные шрифты; без этого PDF набирается встроенным Liberation Serif и одинаков на любой машине.
        #[arg(long)]
        system_fonts: bool,
        /// Стандарт PDF: a-2b, a-2u, a-2a, a-3b, a-3u, a-3a, a-4 (PDF/A), ua-1 (PDF/UA-1).
        #[arg(long)]
        pdf_standard: Option<String>,
        /// Файлы школ или каталоги с ними — для аналитической справки органа управления (--doc municipal-report).
        #[arg(long, value_name = "КАТАЛОГ")]
        schools: Vec<PathBuf>,
    },
    /// Пакет документов для каждой организации: все открытые виды, общий PDF с закладками и manifest.json.
    #[command(
        after_help = "Пример:\n  nastavnik bundle samples/ --output out/bundles --format pdf,docx\n  nastavnik bundle schools/ --output out --shard 2/4   (вторая из четырёх частей, для CI)\n\nБазы наставников и наставляемых (персональные данные) попадают в пакет только через --include mentor-base,mentee-base.\nОшибка в одной организации не останавливает остальные: в конце выводится список ошибок, код выхода 1."
    )]
    Bundle {
        /// YAML-файлы или каталоги с ними.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Каталог, куда писать папки организаций.
        #[arg(long, short)]
        output: PathBuf,
        /// Форматы через запятую: pdf (всегда), docx.
        #[arg(long, default_value = "pdf", value_delimiter = ',')]
        format: Vec<String>,
        /// Закрытые виды документов, которые нужно включить: mentor-base, mentee-base.
        #[arg(long, value_delimiter = ',')]
        include: Vec<String>,
        /// Часть I из N (например, 2/4): стабильное деление входных файлов между заданиями CI.
        #[arg(long)]
        shard: Option<String>,
        /// Уровень PDF/A: a-2b, a-2u, a-2a, a-3b, a-3u, a-3a, a-4.
        #[arg(long)]
        pdf_standard: Option<String>,
        /// Число потоков; по умолчанию — все ядра.
        #[arg(long)]
        jobs: Option<usize>,
        /// Не выводить ничего, кроме ошибок.
        #[arg(long, short)]
        quiet: bool,
        /// Каталог со своими шаблонами.
        #[arg(long)]
        templates: Option<PathBuf>,
    },
    /// Проверить YAML-файлы, ничего не формируя: ошибки и предупреждения с местом в файле.
    #[command(
        after_help = "Пример:\n  nastavnik check samples/school9-2020.yaml\n  nastavnik check schools/*.yaml --format json\n\nВ конце — какие документы файл уже может дать и чего не хватает остальным (поле и что вписать).\nКод выхода 0 — ошибок нет (предупреждения допустимы), 1 — есть ошибки."
    )]
    Check {
        /// YAML-файлы.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Вид вывода: text (для людей) или json (для других программ).
        #[arg(long, default_value = "text")]
        format: String,
    },
    /// Создать заготовку YAML-файла с комментариями и типовой дорожной картой на учебный год.
    #[command(
        after_help = "Пример:\n  nastavnik init --name \"МБОУ СОШ № 1\" --year 2025 --output school.yaml\n  nastavnik check school.yaml      (покажет, что ещё не заполнено)"
    )]
    Init {
        /// Краткое наименование организации.
        #[arg(long, default_value = "МБОУ СОШ № 1")]
        name: String,
        /// school — школа, authority — орган управления образованием.
        #[arg(long, default_value = "school")]
        kind: String,
        /// Год начала учебного года (2025 — для 2025/2026); по умолчанию текущий учебный год.
        #[arg(long)]
        year: Option<i32>,
        /// Куда записать; «-» — в stdout.
        #[arg(long, short, default_value = "school.yaml")]
        output: PathBuf,
        /// Перезаписать существующий файл.
        #[arg(long)]
        force: bool,
    },
    /// Вывести JSON Schema YAML-файла: редактор (VS Code с расширением YAML) подскажет поля и их смысл.
    #[command(
        after_help = "Пример:\n  nastavnik schema --output nastavnik.schema.json\n\nПервая строка YAML-файла, чтобы редактор нашёл схему рядом с ним:\n  # yaml-language-server: $schema=nastavnik.schema.json"
    )]
    Schema {
        /// Куда записать; по умолчанию — в stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Работа со встроенными шаблонами.
    #[command(
        subcommand,
        after_help = "Пример:\n  nastavnik templates export my-templates"
    )]
    Templates(TemplatesCommand),
    /// Показать виды документов.
    #[command(after_help = "Пример:\n  nastavnik list")]
    List,
}

#[derive(Subcommand)]
enum TemplatesCommand {
    /// Скопировать встроенные шаблоны в каталог, чтобы изменить формулировки; затем render --templates КАТАЛОГ.
    #[command(
        after_help = "Пример:\n  nastavnik templates export my-templates\n  nastavnik render school.yaml --templates my-templates --output prikaz.pdf"
    )]
    Export {
        /// Каталог; создаётся, если его нет. Существующие файлы не перезаписываются без --force.
        dir: PathBuf,
        /// Перезаписать файлы, которые уже есть.
        #[arg(long)]
        force: bool,
    },
    /// Показать переменные, которые получает шаблон вида документа: путь, смысл и значение.
    #[command(
        after_help = "Пример:\n  nastavnik templates vars order-implementation\n  nastavnik templates vars provision school.yaml\n\nБез файла значения берутся из образца samples/school9-2020.yaml."
    )]
    Vars {
        /// Вид документа: order-implementation, provision … (список — nastavnik list).
        kind: String,
        /// YAML-файл организации, значения которого показать.
        file: Option<PathBuf>,
    },
}

/// A failure and the exit code it maps to.
#[derive(Debug)]
pub(crate) struct Failure {
    code: u8,
    pub(crate) message: String,
}

pub(crate) fn bad_input(message: impl ToString) -> Failure {
    Failure {
        code: 1,
        message: message.to_string(),
    }
}

pub(crate) fn misuse(message: impl ToString) -> Failure {
    Failure {
        code: 2,
        message: message.to_string(),
    }
}

fn pdf_standard(name: Option<&str>) -> Result<Option<nastavnik_gen::PdfStandard>, Failure> {
    name.map(|n| {
        nastavnik_gen::PdfStandard::from_name(n).ok_or_else(|| {
            misuse(format!("неизвестный уровень PDF/A «{n}»; доступны: a-2b, a-2u, a-2a, a-3b, a-3u, a-3a, a-4, а также ua-1 (PDF/UA-1)"))
        })
    })
    .transpose()
}

/// The help page's frame in Russian; clap's own words are English.
const HELP_TEMPLATE: &str = "{about-with-newline}\nВызов: {usage}\n\n{all-args}{after-help}";

/// The command line with every heading, usage line and built-in flag in Russian.
fn russian(mut command: clap::Command) -> clap::Command {
    let has_version = command.get_version().is_some();
    command = command
        .help_template(HELP_TEMPLATE)
        .subcommand_help_heading("Команды")
        .subcommand_value_name("КОМАНДА")
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .mut_args(|arg| {
            let heading = if arg.is_positional() {
                "Аргументы"
            } else {
                "Параметры"
            };
            let mut arg = arg.help_heading(heading);
            if let Some(name) = value_name(arg.get_id().as_str()) {
                arg = arg.value_name(name);
            }
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() {
                let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
                arg = arg
                    .hide_default_value(true)
                    .help(format!("{help} [по умолчанию: {}]", defaults.join(",")));
            }
            arg
        })
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .help("Показать эту справку")
                .help_heading("Параметры")
                .action(clap::ArgAction::Help)
                .global(false),
        );
    if has_version {
        command = command.arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .help("Показать версию")
                .help_heading("Параметры")
                .action(clap::ArgAction::Version),
        );
    }
    each_subcommand(command, russian)
}

/// Applies `change` to every subcommand of `command`.
fn each_subcommand(
    mut command: clap::Command,
    change: fn(clap::Command) -> clap::Command,
) -> clap::Command {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, change);
    }
    command
}

/// The usage lines, once the command is built, with Russian placeholders.
fn russian_usage(mut command: clap::Command) -> clap::Command {
    let usage = command
        .render_usage()
        .to_string()
        .trim_start_matches("Usage: ")
        .replace("[OPTIONS]", "[ПАРАМЕТРЫ]")
        .replace("<COMMAND>", "<КОМАНДА>");
    each_subcommand(command.override_usage(usage), russian_usage)
}

/// The Russian placeholder for an argument's value in the help.
fn value_name(id: &str) -> Option<&'static str> {
    Some(match id {
        "file" => "ФАЙЛ",
        "files" => "ФАЙЛЫ",
        "inputs" => "ФАЙЛ_ИЛИ_КАТАЛОГ",
        "doc" | "kind" => "ВИД",
        "format" => "ФОРМАТЫ",
        "output" => "ПУТЬ",
        "templates" | "font_path" | "dir" => "КАТАЛОГ",
        "pdf_standard" => "УРОВЕНЬ",
        "include" => "ВИДЫ",
        "shard" => "I/N",
        "jobs" => "N",
        "name" => "НАЗВАНИЕ",
        "year" => "ГОД",
        _ => return None,
    })
}

/// Puts clap's complaint about a misused command line into Russian.
fn russian_error(err: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |kind: ContextKind| match err.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let what = match err.kind() {
        ErrorKind::UnknownArgument => {
            format!("неизвестный параметр «{}»", context(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidSubcommand => format!(
            "неизвестная команда «{}»; команды: render, check, init, schema, bundle, templates, list",
            context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => format!(
            "не указано обязательное: {}",
            context(ContextKind::InvalidArg)
        ),
        ErrorKind::InvalidValue => format!(
            "недопустимое значение «{}» для {}; допустимые: {}",
            context(ContextKind::InvalidValue),
            context(ContextKind::InvalidArg),
            context(ContextKind::ValidValue)
        ),
        ErrorKind::ValueValidation => format!(
            "недопустимое значение «{}» для {}",
            context(ContextKind::InvalidValue),
            context(ContextKind::InvalidArg)
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "не указана команда".to_string()
        }
        ErrorKind::ArgumentConflict => format!(
            "параметр {} нельзя указывать вместе с {}",
            context(ContextKind::InvalidArg),
            context(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues => format!(
            "лишнее значение: {}",
            context(ContextKind::InvalidArg)
        ),
        _ => format!("неверный вызов: {}", err.kind()),
    };
    format!("ошибка: {what}\nСправка: nastavnik --help или nastavnik КОМАНДА --help")
}

fn main() -> ExitCode {
    let mut command = russian(Cli::command());
    command.build();
    let command = russian_usage(command);
    let cli = match command
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(err) => {
            use clap::error::ErrorKind;
            if matches!(
                err.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
            ) {
                let _ = err.print();
                return ExitCode::SUCCESS;
            }
            eprintln!("{}", russian_error(&err));
            return ExitCode::from(2);
        }
    };
    if let Command::Render {
        templates: Some(_), ..
    }
    | Command::Bundle {
        templates: Some(_), ..
    } = &cli.command
    {
        memory::limit_for_user_templates();
    }
    let result = match cli.command {
        Command::Check { files, format } => check(&files, &format),
        Command::Init {
            name,
            kind,
            year,
            output,
            force,
        } => init(&name, &kind, year, &output, force),
        Command::Schema { output } => write_schema(output.as_deref()),
        Command::Templates(TemplatesCommand::Vars { kind, file }) => {
            template_vars(&kind, file.as_deref())
        }
        Command::Templates(TemplatesCommand::Export { dir, force }) => {
            export_templates(&dir, force)
        }
        Command::List => {
            let mut out = std::io::stdout().lock();
            for kind in DocumentKind::ALL {
                let _ = writeln!(out, "{:<24} {}", kind.id(), kind.title());
            }
            Ok(())
        }
        Command::Render {
            file,
            doc,
            format,
            output,
            templates,
            font_path,
            system_fonts,
            pdf_standard: standard,
            schools,
        } => pdf_standard(standard.as_deref()).and_then(|standard| {
            render(
                &file,
                &doc,
                &format,
                output.as_deref(),
                (templates.as_deref(), &schools),
                (&font_path, system_fonts),
                standard,
            )
        }),
        Command::Bundle {
            inputs,
            output,
            format,
            include,
            shard,
            pdf_standard: standard,
            jobs,
            quiet,
            templates,
        } => run_bundle(
            inputs,
            output,
            &format,
            &include,
            shard.as_deref(),
            standard.as_deref(),
            jobs,
            quiet,
            templates.as_deref(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            if !f.message.is_empty() {
                eprintln!("{}", f.message);
            }
            ExitCode::from(f.code)
        }
    }
}

/// `nastavnik check`: every problem of every file, with the lines around it.
fn check(files: &[PathBuf], format: &str) -> Result<(), Failure> {
    let json = match format {
        "text" => false,
        "json" => true,
        other => {
            return Err(misuse(format!(
                "неизвестный вид вывода «{other}»: text или json"
            )))
        }
    };
    let mut all = Vec::new();
    let mut errors = 0;
    for file in files {
        // Read once, bounded; the same text is shown around each problem.
        let (text, loaded) = match nastavnik_core::load::read_source(file) {
            Ok(text) => {
                let loaded = nastavnik_core::load_str(&text, &file.display().to_string());
                (text, loaded)
            }
            Err(err) => (String::new(), Err(err)),
        };
        let mut documents = String::new();
        let diagnostics = match loaded {
            Ok(loaded) => {
                documents = what_it_can_make(file, &loaded.organization);
                // Edits of a document's text are checked against its template.
                let templates = nastavnik_gen::Templates::embedded();
                let problems =
                    nastavnik_gen::documents::edits::problems(&loaded.organization, &templates);
                let index = nastavnik_core::PositionIndex::new(&text);
                let origin = file.display().to_string();
                problems
                    .into_iter()
                    .map(|(field, message)| {
                        nastavnik_core::Diagnostic::error(
                            &origin,
                            index.locate(&field),
                            field,
                            message,
                        )
                    })
                    .chain(loaded.warnings)
                    .collect()
            }
            Err(err @ nastavnik_core::LoadError::Io { .. }) => return Err(bad_input(err)),
            Err(err) => err.diagnostics().to_vec(),
        };
        errors += diagnostics
            .iter()
            .filter(|d| d.severity == nastavnik_core::Severity::Error)
            .count();
        if !json {
            // A closed pipe (`| head`) is no reason to fail.
            let mut out = std::io::stdout().lock();
            let lines: Vec<&str> = text.lines().collect();
            for d in &diagnostics {
                let _ = writeln!(out, "{}\n", d.with_lines(&lines));
            }
            if diagnostics.is_empty() {
                let _ = writeln!(out, "{}: ошибок нет", file.display());
            }
            let _ = write!(out, "{documents}");
        }
        all.extend(diagnostics);
    }
    if json {
        let items: Vec<String> = all.iter().map(|d| format!("  {}", d.to_json())).collect();
        output::to_stdout(format!("[\n{}\n]\n", items.join(",\n")).as_bytes())?;
    }
    if errors == 0 {
        Ok(())
    } else {
        Err(Failure {
            code: 1,
            message: if json {
                String::new()
            } else {
                format!("ошибок: {errors}")
            },
        })
    }
}

/// `nastavnik templates vars`: what a kind's template receives, by a file
/// or by the school9 sample built into the binary.
fn template_vars(kind: &str, file: Option<&Path>) -> Result<(), Failure> {
    const EXAMPLE: &str = include_str!("../../../samples/school9-2020.yaml");
    let kind = DocumentKind::from_id(kind).ok_or_else(|| {
        let known: Vec<&str> = DocumentKind::ALL.iter().map(|k| k.id()).collect();
        misuse(format!(
            "неизвестный вид документа «{kind}»; доступны: {}",
            known.join(", ")
        ))
    })?;
    let (org, origin) = match file {
        Some(file) => (
            nastavnik_core::load_path(file)
                .map_err(bad_input)?
                .organization,
            file.display().to_string(),
        ),
        None => (
            nastavnik_core::from_yaml_str(EXAMPLE, "school9-2020.yaml").map_err(bad_input)?,
            "образец school9-2020.yaml".to_string(),
        ),
    };
    let context = nastavnik_gen::documents::template_context(&org, kind)
        .map_err(|e| bad_input(format!("{origin}: {e}")))?;
    let text = format!(
        "Шаблон {} ({}) получает эти переменные; значения — из файла {origin}.\n\
         Значения экранированы; имя в падеже — {{{{ curator | case(\"dative\") }}}}, дата — {{{{ order.date | date_long }}}}.\n\n{}",
        nastavnik_gen::documents::template_name(kind),
        kind.title(),
        nastavnik_gen::documents::context::variables(&context)
    );
    output::to_stdout(text.as_bytes())
}

/// The kinds a file can produce, and for each it cannot, what is missing
/// and where to add it.
fn what_it_can_make(file: &Path, org: &nastavnik_core::Organization) -> String {
    use std::fmt::Write as _;
    let mut ready = Vec::new();
    let mut waiting = String::new();
    for kind in DocumentKind::ALL.into_iter().filter(|k| k.applies_to(org)) {
        let missing = nastavnik_core::check::needs::missing(org, kind.id());
        if missing.is_empty() {
            ready.push(match kind {
                DocumentKind::MunicipalReport => {
                    "municipal-report (из файлов школ: --schools КАТАЛОГ)"
                }
                _ => kind.id(),
            });
            continue;
        }
        let _ = writeln!(waiting, "  {} — {}:", kind.id(), kind.title());
        for m in missing {
            let _ = writeln!(waiting, "    {m}");
        }
    }
    let mut out = format!(
        "{}: можно сделать: {}\n",
        file.display(),
        if ready.is_empty() {
            "ничего".to_string()
        } else {
            ready.join(", ")
        }
    );
    if !waiting.is_empty() {
        let _ = write!(
            out,
            "{}: пока нельзя (чего не хватает и куда это вписать):\n{waiting}",
            file.display()
        );
    }
    out
}

/// The schools' files of a municipal report: every YAML file named or found
/// in the folders given, read and checked; files of authorities are left out
/// (the authority's own file may lie beside its schools').
fn load_schools(inputs: &[PathBuf]) -> Result<Vec<nastavnik_core::Prepared>, Failure> {
    if inputs.is_empty() {
        return Ok(Vec::new());
    }
    let mut schools = Vec::new();
    for path in bundle::collect_inputs(inputs)? {
        let loaded = nastavnik_core::load_path(&path).map_err(bad_input)?;
        if loaded.organization.kind == nastavnik_core::OrganizationKind::School {
            schools.push(loaded.organization);
        }
    }
    if schools.is_empty() {
        return Err(bad_input(
            "в указанных --schools нет ни одного файла школы (kind: school)".to_string(),
        ));
    }
    Ok(schools)
}

/// The academic year under way: from July on, the one that starts this year.
fn current_academic_year() -> i32 {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    let today =
        chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date") + chrono::Duration::days(days);
    use chrono::Datelike;
    if today.month() >= 7 {
        today.year()
    } else {
        today.year() - 1
    }
}

/// `nastavnik init`: a starting file with comments and placeholders.
fn init(
    name: &str,
    kind: &str,
    year: Option<i32>,
    output: &Path,
    force: bool,
) -> Result<(), Failure> {
    let kind = match kind {
        "school" | "школа" => nastavnik_core::OrganizationKind::School,
        "authority" => nastavnik_core::OrganizationKind::Authority,
        other => {
            return Err(misuse(format!(
                "неизвестный вид организации «{other}»: school или authority"
            )))
        }
    };
    let year = year.unwrap_or_else(current_academic_year);
    if !(2000..=2100).contains(&year) {
        return Err(misuse(format!("год {year} вне разумных пределов")));
    }
    let text = nastavnik_core::load::starter::starter_yaml(name, kind, year);
    if output == Path::new("-") {
        return output::to_stdout(text.as_bytes());
    }
    if output.exists() && !force {
        return Err(misuse(format!(
            "файл {} уже есть; добавьте --force, чтобы перезаписать",
            output.display()
        )));
    }
    write_atomically(output, text.as_bytes())?;
    eprintln!("записан файл {}: заполните значения «ЗАПОЛНИТЕ: …» и проверьте его командой nastavnik check", output.display());
    // The schema the file's first line points to, for the editor's hints.
    let schema = output
        .parent()
        .unwrap_or(Path::new(""))
        .join(nastavnik_core::load::schema::FILE_NAME);
    if !schema.exists() {
        write_atomically(
            &schema,
            nastavnik_core::load::schema::json_schema_text().as_bytes(),
        )?;
        eprintln!(
            "рядом записана схема {} — подсказки полей в редакторе",
            schema.display()
        );
    }
    Ok(())
}

/// `nastavnik schema`: the JSON Schema, to stdout or a file.
fn write_schema(output: Option<&Path>) -> Result<(), Failure> {
    let text = nastavnik_core::load::schema::json_schema_text();
    match output {
        None => output::to_stdout(text.as_bytes()),
        Some(path) => {
            write_atomically(path, text.as_bytes())?;
            eprintln!("схема записана в {}", path.display());
            Ok(())
        }
    }
}

/// `nastavnik templates export DIR`.
fn export_templates(dir: &Path, force: bool) -> Result<(), Failure> {
    std::fs::create_dir_all(dir)
        .map_err(|e| bad_input(format!("не удалось создать каталог {}: {e}", dir.display())))?;
    let existing: Vec<&str> = nastavnik_gen::templates::EMBEDDED
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| dir.join(name).exists())
        .collect();
    if !existing.is_empty() && !force {
        return Err(misuse(format!(
            "в каталоге {} уже есть шаблоны ({}); добавьте --force, чтобы перезаписать",
            dir.display(),
            existing.join(", ")
        )));
    }
    for (name, text) in nastavnik_gen::templates::EMBEDDED {
        write_atomically(&dir.join(name), text.as_bytes())?;
    }
    eprintln!(
        "шаблоны ({}) записаны в {}",
        nastavnik_gen::templates::EMBEDDED.len(),
        dir.display()
    );
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn run_bundle(
    inputs: Vec<PathBuf>,
    output: PathBuf,
    formats: &[String],
    include: &[String],
    shard: Option<&str>,
    standard: Option<&str>,
    jobs: Option<usize>,
    quiet: bool,
    templates: Option<&Path>,
) -> Result<(), Failure> {
    let mut chosen = vec![Format::Pdf];
    for name in formats {
        match Format::from_name(name) {
            Some(Format::Typ) | None => {
                return Err(misuse(format!(
                    "в пакет можно выбрать форматы pdf и docx, а не «{name}»"
                )))
            }
            Some(f) if !chosen.contains(&f) => chosen.push(f),
            Some(_) => {}
        }
    }
    let mut kinds = Vec::new();
    for name in include {
        let kind = DocumentKind::from_id(name)
            .ok_or_else(|| misuse(format!("неизвестный вид документа «{name}»")))?;
        kinds.push(kind);
    }
    let shard = match shard {
        None => None,
        Some(text) => {
            let parsed = text.split_once('/').and_then(|(i, n)| {
                Some((
                    i.trim().parse::<usize>().ok()?,
                    n.trim().parse::<usize>().ok()?,
                ))
            });
            match parsed {
                Some((i, n)) if n >= 1 && (1..=n).contains(&i) => Some((i, n)),
                _ => {
                    return Err(misuse(format!(
                        "--shard ждёт I/N, где 1 ≤ I ≤ N, например 2/4, а не «{text}»"
                    )))
                }
            }
        }
    };
    let mut renderer = Renderer::new().with_pdf_standard(pdf_standard(standard)?);
    if let Some(dir) = templates {
        renderer = renderer.with_templates(Templates::with_overrides(dir).map_err(bad_input)?);
    }
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let job = bundle::BundleJob {
        inputs,
        output,
        formats: chosen,
        include: kinds,
        shard,
        jobs,
        quiet,
    };
    bundle::run(&job, &renderer)
}

fn render(
    file: &Path,
    doc: &str,
    formats: &[String],
    output: Option<&Path>,
    (templates, schools): (Option<&Path>, &[PathBuf]),
    (font_paths, system_fonts): (&[PathBuf], bool),
    standard: Option<nastavnik_gen::PdfStandard>,
) -> Result<(), Failure> {
    let kind = DocumentKind::from_id(doc).ok_or_else(|| {
        let known: Vec<&str> = DocumentKind::ALL.iter().map(|k| k.id()).collect();
        misuse(format!(
            "неизвестный вид документа «{doc}»; доступны: {}",
            known.join(", ")
        ))
    })?;
    let mut chosen = Vec::new();
    for name in formats {
        let format = Format::from_name(name).ok_or_else(|| {
            misuse(format!(
                "неизвестный формат «{name}»; доступны: pdf, docx, typ"
            ))
        })?;
        if !chosen.contains(&format) {
            chosen.push(format);
        }
    }
    if chosen.is_empty() {
        return Err(misuse("не указан формат: --format pdf, docx или typ"));
    }
    let to_stdout = output == Some(Path::new("-"));
    if to_stdout && chosen.len() > 1 {
        return Err(misuse(
            "в stdout («--output -») можно вывести только один формат",
        ));
    }

    let loaded = nastavnik_core::load_path(file).map_err(bad_input)?;
    for warning in &loaded.warnings {
        eprintln!("{warning}");
    }
    let org = loaded.organization;
    let policy = if system_fonts {
        nastavnik_gen::FontPolicy::System
    } else {
        nastavnik_gen::FontPolicy::Embedded
    };
    let mut renderer = Renderer::new()
        .with_font_policy(policy)
        .with_font_paths(font_paths)
        .with_pdf_standard(standard);
    if (system_fonts || !font_paths.is_empty()) && chosen.contains(&Format::Pdf) {
        eprintln!("шрифт PDF: {}", renderer.font_family());
    }
    if let Some(dir) = templates {
        renderer = renderer.with_templates(Templates::with_overrides(dir).map_err(bad_input)?);
    }
    if !schools.is_empty() && kind != DocumentKind::MunicipalReport {
        return Err(misuse(
            "--schools нужен только аналитической справке: --doc municipal-report",
        ));
    }
    let schools = load_schools(schools)?;
    let made = if kind == DocumentKind::MunicipalReport && !schools.is_empty() {
        let refs: Vec<&nastavnik_core::Prepared> = schools.iter().collect();
        renderer.municipal_report(&org, &refs)
    } else {
        renderer.document(&org, kind)
    };
    let document = made.map_err(|e| match e {
        nastavnik_gen::GenError::MissingData(what) => bad_input(format!(
            "{}: {} — не хватает данных: {what}",
            file.display(),
            kind.id()
        )),
        other => bad_input(other),
    })?;
    // Everything is rendered before anything is written: a failure leaves no file behind.
    let mut outputs = Vec::new();
    for format in &chosen {
        let rendered = renderer.write(&document, *format).map_err(bad_input)?;
        outputs.push((*format, rendered.bytes));
    }

    if to_stdout {
        return output::to_stdout(&outputs[0].1);
    }
    // Every format or none, never over the input, never through a link.
    let files: Vec<(PathBuf, &[u8])> = outputs
        .iter()
        .map(|(format, bytes)| {
            (
                output_path(file, kind, *format, output, chosen.len() > 1),
                bytes.as_slice(),
            )
        })
        .collect();
    output::write_all(&files, &[file])?;
    for (path, _) in &files {
        eprintln!("записан файл {}", path.display());
    }
    Ok(())
}

/// Where a format goes: `--output` as given for one format; as a stem for several;
/// `<имя файла>-<вид>.<формат>` in the current directory without `--output`.
fn output_path(
    input: &Path,
    kind: DocumentKind,
    format: Format,
    output: Option<&Path>,
    several: bool,
) -> PathBuf {
    match output {
        Some(path) if !several => path.to_path_buf(),
        Some(path) => {
            let known = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| Format::from_name(e).is_some());
            let stem = if known {
                path.with_extension("")
            } else {
                path.to_path_buf()
            };
            let mut name = stem.into_os_string();
            name.push(".");
            name.push(format.extension());
            PathBuf::from(name)
        }
        None => {
            let stem = input
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("document");
            PathBuf::from(format!("{stem}-{}.{}", kind.id(), format.extension()))
        }
    }
}

/// Writes one file aside and renames it into place (see [`output`]).
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    output::write_one(path, bytes, &[])
}
