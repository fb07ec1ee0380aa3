//! A school built entirely in code — no YAML, no files read — rendered to
//! PDF and DOCX with one long-lived renderer.
//!
//! ```text
//! cargo run -p nastavnik-gen --example school_in_code -- out/
//! ```

use chrono::NaiveDate;
use nastavnik_core::{
    Deadline, Order, Organization, OrganizationKind, Person, Responsible, Roadmap, RoadmapItem,
    RoadmapSection,
};
use nastavnik_gen::{DocumentKind, Format, Renderer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "out".into()));
    std::fs::create_dir_all(&out)?;

    let mut school = Organization {
        kind: OrganizationKind::School,
        name: "Муниципальное бюджетное общеобразовательное учреждение «Лицей № 2»".into(),
        short_name: Some("МБОУ «Лицей № 2»".into()),
        head: Person::new("Соколова", "Ирина", "Петровна").with_position("Директор"),
        ..Organization::default()
    };
    school.people.insert(
        "orlova".into(),
        Person::new("Орлова", "Анна", "Сергеевна").with_position("заместитель директора"),
    );
    school.curator = Some("orlova".into());
    school.orders.implementation = Some(Order {
        number: "15-од".into(),
        date: NaiveDate::from_ymd_opt(2024, 9, 2).expect("a date"),
        start: NaiveDate::from_ymd_opt(2024, 9, 2),
        ..Order::default()
    });
    school.roadmap = Some(Roadmap {
        subject:
            "внедрения целевой модели наставничества в МБОУ «Лицей № 2» на 2024/2025 учебный год"
                .into(),
        sections: vec![RoadmapSection {
            title: "Подготовка условий для запуска программы наставничества".into(),
            items: vec![RoadmapItem {
                title: "Назначение куратора внедрения целевой модели наставничества".into(),
                deadline: Some("до 06.09.2024".parse::<Deadline>()?),
                responsible: vec![Responsible::Person {
                    person: "orlova".into(),
                    role: Some("Куратор ЦМН".into()),
                    note: None,
                }],
                result: vec!["Приказ".into()],
                ..RoadmapItem::default()
            }],
        }],
        ..Roadmap::default()
    });

    // The same preparation a YAML file gets: the checks, the limits, the
    // default roadmap where asked for. Only a prepared model renders.
    let school = nastavnik_core::prepare(school)?;
    for warning in school.warnings() {
        eprintln!("{warning}");
    }

    let renderer = Renderer::new();
    for (kind, format) in [
        (DocumentKind::OrderImplementation, Format::Pdf),
        (DocumentKind::OrderImplementation, Format::Docx),
        (DocumentKind::Roadmap, Format::Pdf),
    ] {
        let rendered = renderer.render(&school, kind, format)?;
        let path = out.join(format!("{}.{}", kind.id(), format.extension()));
        std::fs::write(&path, &rendered.bytes)?;
        println!("{} ({} bytes)", path.display(), rendered.bytes.len());
    }
    Ok(())
}
