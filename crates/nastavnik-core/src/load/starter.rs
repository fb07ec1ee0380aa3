//! The starting YAML `nastavnik init` writes: every section the documents
//! need, with Russian comments and placeholders «ЗАПОЛНИТЕ: …» that loading
//! reports as errors until they are filled.

use crate::catalogue::default_roadmap::default_sections;
use crate::model::roadmap::Period;
use crate::{Organization, OrganizationKind, Person};

/// The word that marks a value still to be filled.
pub const PLACEHOLDER: &str = "ЗАПОЛНИТЕ:";

fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn todo(what: &str) -> String {
    quoted(&format!("{PLACEHOLDER} {what}"))
}

/// The line after which a starting file keeps, commented out, the sections
/// that only later documents need.
pub const LATER: &str = "# ─── Для следующих документов ───";

/// A starting file for an organisation, for the academic year that begins in
/// `year`. Only what the first order (on implementation) needs is to be
/// filled at once; the sections of later documents (the curator's order,
/// pairs, rewards, reports, the council's protocol) follow commented out, to
/// be uncommented when their turn comes, so they never block the first order.
/// An authority's file has header lines, a territory, the acts its order
/// cites, the organisations that introduce the model and the methodical
/// support, and no council or pupils.
///
/// ```
/// let yaml = nastavnik_core::load::starter::starter_yaml("МБОУ СОШ № 1", nastavnik_core::OrganizationKind::School, 2025);
/// let err = nastavnik_core::load_str(&yaml, "school.yaml").unwrap_err();
/// assert!(err.diagnostics().iter().all(|d| d.message.starts_with("не заполнено")));
/// assert_eq!(err.diagnostics().len(), 8);
/// ```
pub fn starter_yaml(short_name: &str, kind: OrganizationKind, year: i32) -> String {
    let period = Period::parse(&format!("{year}/{}", year + 1)).expect("a valid academic year");
    let mut org = Organization {
        kind,
        ..Organization::default()
    };
    // A school's roadmap names its curator; an authority's names roles.
    if kind == OrganizationKind::School {
        org.curator = Some("curator".into());
        org.people.insert(
            "curator".into(),
            Person::new("Куратор", "", "").with_position("заместитель директора"),
        );
    }
    // An academic year always spans two calendar years: the default roadmap reads.
    let sections = default_sections(&period, &org).unwrap_or_default();
    let roadmap = serde_yaml::to_string(&sections).unwrap_or_default();
    let roadmap: String = roadmap.lines().map(|l| format!("    {l}\n")).collect();
    let text = match kind {
        OrganizationKind::School => school(short_name, year, &roadmap),
        OrganizationKind::Authority => authority(short_name, year, &roadmap),
    };
    align_comments(&text)
}

/// The file with the later sections uncommented, as a user does when their
/// turn comes.
pub fn uncomment_later(text: &str) -> String {
    let mut later = false;
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        if line.starts_with(LATER) {
            later = true;
        } else if later && !line.starts_with("##") {
            if let Some(rest) = line.strip_prefix("# ") {
                out.push_str(rest);
                out.push('\n');
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn preamble(year: i32) -> String {
    let modeline = crate::load::schema::MODELINE;
    format!(
        r#"{modeline}
# Описание организации для nastavnik: документы целевой модели наставничества (Р-145).
# Первая строка подключает подсказки полей в редакторе (VS Code с расширением YAML):
# файл схемы nastavnik.schema.json должен лежать рядом (nastavnik init кладёт его сам).
# Заполните значения «{PLACEHOLDER} …» — их немного: это всё, что нужно первому приказу.
# Затем проверьте файл: nastavnik check ЭТОТ_ФАЙЛ.yaml — он скажет, какие документы уже
# можно сделать и чего не хватает остальным.
# Даты пишите как 01.09.{year}, {year}-09-01 или 1 сентября {year}. Номер документа — как он есть: 15-од.
"#
    )
}

fn school(short_name: &str, year: i32, roadmap: &str) -> String {
    format!(
        r#"{preamble}
kind: school                          # school — школа; authority — орган управления образованием
name: {name}                          # полное наименование, как в шапке приказа
short_name: {short}                   # краткое наименование для текста документов
head:                                 # руководитель, который подписывает приказы
  surname: {head_surname}
  name: {head_name}                   # имя или инициал
  patronymic: {head_patronymic}
  position: Директор

people:                               # люди, на которых ссылаются документы, по коротким ключам
  curator:
    surname: {cur_surname}
    name: {cur_name}
    patronymic: {cur_patronymic}
    position: заместитель директора   # падежи дают словари: «назначить … заместителя директора»
    # если nastavnik check скажет, что падеж угадан, впишите его сам: forms: {{dative: …}}, gender: female

curator: curator                      # ключ куратора из people

forms:                                # формы наставничества школы (перечень Р-145 и региональные)
  - ученик – ученик
  - учитель – учитель

# style:                              # фирменный стиль, если нужен: names: surname_initials,
#   order_date: numeric               #   order_date: quoted | numeric | long, directive: ПРИКАЗЫВАЮ,
#   acts: list                        #   acts: inline | list, academic_year: dash, text: as_written

roadmap:                              # типовая дорожная карта Р-145 с датами на {year}/{next} учебный год;
  title: {roadmap_title}
  layout: stages                      # пункты можно менять, удалять и добавлять;
  period: {year}/{next}               # у пункта можно отметить status: выполнено и evidence: что подтверждает
  sections:
{roadmap}

orders:                               # приказы: номер и дата каждого
  implementation:                     # о внедрении целевой модели
    number: {order_number}
    date: 01.09.{year}
    start: 01.09.{year}
    # приказ утверждает дорожную карту, положение и программу (приложения 1–3); если у положения
    # или программы свой приказ, уберите его из annexes и опишите тот приказ в orders.provision
    # или orders.programme (номер и дата)
    annexes: [roadmap, provision, programme]
    acquainted: [curator]             # «С приказом ознакомлены:»
{LATER}
## Эти разделы нужны документам, до которых дело дойдёт позже: приказам о назначении куратора,
## о парах, о поощрении, об итоговом мероприятии, положению (протокол педсовета), справкам.
## Когда дойдёт, уберите «# » в начале строк раздела и заполните значения; до тех пор они
## не мешают первому приказу. Приказы ниже продолжают раздел orders.

#   curator:                          # о назначении куратора (приказ о внедрении сошлётся на него)
#     number: {curator_order}
#     date: 01.09.{year}
#     acquainted: [curator]
#   pairs:                            # об утверждении наставнических пар (групп)
#     number: {pairs_order}
#     date: 01.10.{year}
#   rewards:                          # о поощрении участников
#     number: {rewards_order}
#     date: 25.05.{next}
#     rewards:
#       - {{ who: mentor1, reward: объявить благодарность, reason: за успешную работу наставнической пары }}
#   final_event:                      # о проведении итогового мероприятия
#     number: {event_order}
#     date: 15.05.{next}
#     event:
#       title: итоговый фестиваль наставнических практик
#       date: 22.05.{next}
#       responsible: [{{ person: curator, as: Куратор ЦМН }}]

# council:                            # педагогический совет, принявший положение и программу
#   date: {council_date}
#   number: {council_number}

# participants:                       # персональные данные: базы формируются только по запросу
#   mentors:
#     - {{ id: mentor1, name: {mentor}, role: учитель, category: педагог, consent: true }}
#   mentees:
#     - {{ id: mentee1, name: {mentee}, role: молодой специалист, category: педагог, consent: true }}
#   pairs:
#     - mentor: mentor1
#       mentees: [mentee1]
#       form: учитель – учитель
#       period: сентябрь {year} г. – май {next} г.
#       plan:
#         - {{ task: Освоить построение урока, activity: Посещение уроков наставника, deadline: октябрь {year} г., result: Технологическая карта урока }}

# reports:                            # справки по итогам: отметки о выполнении — в пунктах дорожной карты
#   interim:
#     period: по итогам 1 полугодия {year}–{next} учебного года
#     prepared_by: [{{ person: curator, as: заместитель директора }}]
#   final:
#     period: по итогам {year}–{next} учебного года
#     prepared_by: [{{ person: curator, as: заместитель директора }}]
"#,
        preamble = preamble(year),
        name = todo("полное наименование организации"),
        short = quoted(short_name),
        head_surname = todo("фамилия руководителя"),
        head_name = todo("имя руководителя"),
        head_patronymic = todo("отчество руководителя"),
        cur_surname = todo("фамилия куратора"),
        cur_name = todo("имя куратора"),
        cur_patronymic = todo("отчество куратора"),
        council_date = todo("дата протокола педсовета"),
        council_number = todo("номер протокола"),
        order_number = todo("номер приказа о внедрении"),
        curator_order = todo("номер приказа о назначении куратора"),
        pairs_order = todo("номер приказа о парах"),
        rewards_order = todo("номер приказа о поощрении"),
        event_order = todo("номер приказа об итоговом мероприятии"),
        mentor = todo("ФИО наставника"),
        mentee = todo("ФИО наставляемого"),
        next = year + 1,
        roadmap_title = quoted(&format!(
            "Дорожная карта по реализации целевой модели наставничества в {} на {year}/{} учебный год",
            crate::grammar::locative(short_name.trim()).text,
            year + 1
        )),
    )
}

fn authority(short_name: &str, year: i32, roadmap: &str) -> String {
    format!(
        r#"{preamble}
kind: authority                       # орган управления образованием
header:                               # строки над наименованием в шапке приказа
  - РОССИЙСКАЯ ФЕДЕРАЦИЯ
  - {region}
name: {name}                          # полное наименование, как в шапке приказа
short_name: {short}                   # краткое наименование для текста документов
name_genitive: {name_genitive}        # для «к приказу …»
place: {place}                        # место издания приказа
territory:                            # территория внедрения модели
  name: {territory}                   # в именительном падеже; падежи дают словари
head:                                 # руководитель, который подписывает приказ
  surname: {head_surname}
  name: {head_name}                   # имя или инициал
  patronymic: {head_patronymic}
  position: Начальник управления образования

orders:
  implementation:                     # о внедрении целевой модели (дорожная карта — приложение)
    number: {order_number}
    date: 01.09.{year}
    start: 01.09.{year}
    basis:                            # акты, на которые ссылается преамбула «В соответствии с …»
      - reference: {basis_reference}
        date: {basis_date}
        number: {basis_number}
        title: {basis_title}
    purpose: с целью организации внедрения вышеуказанной модели
    implementers:                     # организации, руководителям которых поручено внедрить модель
      - name: {school}
        head: {school_head}
    methodical_support:               # кто оказывает методическое сопровождение
      name: {support}
      head: {support_head}

roadmap:                              # типовая дорожная карта Р-145 с датами на {year}/{next} учебный год
  title: {roadmap_title}
  layout: sections
  period: {year}/{next}
  sections:
{roadmap}"#,
        preamble = preamble(year),
        region = todo("субъект Российской Федерации заглавными буквами"),
        name = todo("полное наименование органа управления образованием"),
        short = quoted(short_name),
        name_genitive = todo("полное наименование в родительном падеже"),
        place = todo("место издания: г. …"),
        territory = todo("территория: городской округ город …"),
        head_surname = todo("фамилия руководителя"),
        head_name = todo("имя руководителя"),
        head_patronymic = todo("отчество руководителя"),
        order_number = todo("номер приказа о внедрении"),
        basis_reference = todo("приказом департамента образования … (кем издан, творительный падеж)"),
        basis_date = todo("дата регионального приказа"),
        basis_number = todo("номер регионального приказа"),
        basis_title = todo("заголовок регионального приказа"),
        school = todo("краткое наименование образовательной организации"),
        school_head = todo("руководитель организации: Фамилия И.О."),
        support = todo("методическая служба"),
        support_head = todo("её руководитель: Фамилия И.О."),
        next = year + 1,
        roadmap_title = quoted(&format!(
            "План мероприятий (дорожная карта) внедрения целевой модели наставничества на {year}/{} учебный год",
            year + 1
        )),
    )
}

/// Puts the comments after values in one column, whatever the values' lengths.
fn align_comments(text: &str) -> String {
    const COLUMN: usize = 40;
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let trimmed = line.trim_start();
        let split = (!trimmed.starts_with('#'))
            .then(|| line.find("  # "))
            .flatten()
            .filter(|at| !line[..*at].contains('"') || line[..*at].matches('"').count() % 2 == 0);
        match split {
            Some(at) => {
                let value = line[..at].trim_end();
                let comment = line[at..].trim_start();
                let width = value.chars().count();
                let pad = if width + 2 > COLUMN {
                    2
                } else {
                    COLUMN - width
                };
                out.push_str(value);
                out.push_str(&" ".repeat(pad));
                out.push_str(comment);
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}
