//! Checks of approvals (грифы) and title pages: every key they cite exists,
//! every number has its date, columns fit the grid, and every stamp
//! «УТВЕРЖДЕНО приказом … № …» points at an order of the file that approves
//! that document: its own order (`orders.provision`, `orders.programme`)
//! or the order on implementation that annexes it.

use super::consistency::{
    approved_order, approved_word, implementation_approves, noun, same_order,
};
use super::{close_keys, Checker};
use crate::{Approval, ApprovalKind, Order, OrganizationKind, MAX_APPROVAL_COLUMNS};

/// The keys `document:` may name besides `documents`: the orders and the council.
pub(crate) const ORDER_KEYS: [&str; 7] = [
    "implementation",
    "curator",
    "pairs",
    "rewards",
    "final_event",
    "provision",
    "programme",
];

impl Checker<'_> {
    /// Checks the approvals and the title page of the order at `orders.{name}`.
    pub(super) fn approvals(&mut self, name: &str, order: &Order) {
        let path = format!("orders.{name}");
        let prints = matches!(name, "provision" | "programme");
        if !prints {
            for (field, given) in [
                ("approvals", !order.approvals.is_empty()),
                ("approval_columns", order.approval_columns.is_some()),
                ("title_page", order.title_page.is_some()),
            ] {
                if given {
                    self.warning(
                        format!("{path}.{field}"),
                        "грифы и титульный лист печатаются только у положения и программы: перенесите это поле в orders.provision или orders.programme".into(),
                    );
                }
            }
            return;
        }
        self.approval_list(&path, &order.approvals, order.approval_columns);
        if let Some(page) = &order.title_page {
            self.responsible(&page.compilers, &format!("{path}.title_page.compilers"));
        }
        if self.org.kind == OrganizationKind::School {
            for (i, a) in order.approvals.iter().enumerate() {
                self.stamp_cites_approving(name, a, &format!("{path}.approvals[{i}]"));
            }
        }
    }

    /// Checks the approvals of the standalone roadmap (`roadmap.approvals`).
    pub(super) fn roadmap_approvals(&mut self, roadmap: &crate::Roadmap) {
        self.approval_list("roadmap", &roadmap.approvals, roadmap.approval_columns);
        if !roadmap.approvals.is_empty() && !roadmap.mark.is_empty() {
            self.warning(
                "roadmap.mark".into(),
                "при грифах roadmap.approvals строки mark не печатаются: уберите mark или запишите его гриф в approvals (kind: приложение, heading: …)".into(),
            );
        }
    }

    /// Checks a list of approvals at `{path}.approvals` in a grid of `columns`.
    fn approval_list(&mut self, path: &str, approvals: &[Approval], columns: Option<u8>) {
        if let Some(columns) = columns {
            if !(1..=MAX_APPROVAL_COLUMNS).contains(&columns) {
                self.error(
                    format!("{path}.approval_columns"),
                    format!("в ряду помещается от 1 до {MAX_APPROVAL_COLUMNS} грифов, а здесь {columns}"),
                );
            }
        }
        for (i, a) in approvals.iter().enumerate() {
            let at = format!("{path}.approvals[{i}]");
            if let Some(key) = &a.person {
                if key != "head" || self.org.people.contains_key(key) {
                    self.person(key, format!("{at}.person"));
                }
            }
            if let Some(key) = &a.document {
                self.cited(key, format!("{at}.document"));
                if a.number.is_some() {
                    self.error(
                        format!("{at}.number"),
                        "укажите либо document (ключ документа), либо number и date, но не то и другое".into(),
                    );
                }
            }
            if a.number.is_some() && a.date.is_none() {
                self.error(
                    format!("{at}.number"),
                    "у номера нет даты: добавьте date (дату приказа или протокола)".into(),
                );
            }
            if let Some(column) = a.column {
                let columns = columns.unwrap_or(MAX_APPROVAL_COLUMNS);
                if column == 0 || column > columns {
                    self.error(
                        format!("{at}.column"),
                        format!("столбца {column} нет: столбцы грифов нумеруются с 1 до {columns}"),
                    );
                }
            }
            if a.kind == ApprovalKind::Approve
                && a.person.is_none()
                && self.org.head.surname.trim().is_empty()
            {
                self.error(
                    format!("{at}.person"),
                    "гриф «УТВЕРЖДАЮ» подписывает руководитель: укажите head или person".into(),
                );
            }
        }
    }

    /// A stamp of the document `document` that cites an order («УТВЕРЖДЕНО
    /// приказом …», «УТВЕРЖДАЮ … Приказ от …», «Приложение к приказу …»)
    /// cites one that approves it.
    fn stamp_cites_approving(&mut self, document: &str, a: &Approval, at: &str) {
        if matches!(a.kind, ApprovalKind::Adopted | ApprovalKind::Agreed) {
            return;
        }
        let (nominative, accusative) = noun(document);
        let orders = &self.org.orders;
        let own = approved_order(self.org, document);
        let implementation = orders.implementation.as_ref();
        let approves_implementation = implementation_approves(self.org, document);
        if let Some(key) = a.document.as_deref().map(str::trim) {
            let order = match key {
                "implementation" => implementation,
                "curator" => orders.curator.as_ref(),
                "pairs" => orders.pairs.as_ref(),
                "rewards" => orders.rewards.as_ref(),
                "final_event" => orders.final_event.as_ref(),
                "provision" => orders.provision.as_ref(),
                "programme" => orders.programme.as_ref(),
                // `council` and `documents`: acts outside the file's orders.
                _ => return,
            };
            let Some(order) = order else { return };
            let fits = key == document
                || (key == "implementation" && approves_implementation)
                || own.is_some_and(|o| same_order(o, order));
            if !fits {
                let hint = if key == "implementation" {
                    format!("добавьте {document} в orders.implementation.annexes (приказ о внедрении утвердит {accusative} как приложение) или сошлитесь на document: {document}")
                } else {
                    format!(
                        "сошлитесь на document: {document} — приказ, которым {nominative} {}",
                        approved_word(document)
                    )
                };
                self.error(
                    format!("{at}.document"),
                    format!(
                        "гриф ссылается на приказ orders.{key} ({} № {}), а этот приказ {accusative} не утверждает; {hint}",
                        crate::russian::date_numeric(order.date),
                        order.number.trim()
                    ),
                );
            }
            return;
        }
        let (Some(number), Some(date)) = (a.number.as_deref().map(str::trim), a.date) else {
            return;
        };
        let matches = |o: &Order| o.number.trim() == number && o.date == date;
        let approving = own.is_some_and(matches)
            || (approves_implementation && implementation.is_some_and(matches));
        let registered = self
            .org
            .documents
            .values()
            .any(|d| d.number.trim() == number && d.date == date);
        if !approving && !registered {
            self.error(
                format!("{at}.number"),
                format!(
                    "в файле нет приказа от {} № {number}, которым {nominative} {}: опишите его в orders.{document} (number и date) и сошлитесь на него — document: {document}",
                    crate::russian::date_numeric(date),
                    approved_word(document)
                ),
            );
        }
    }

    /// The stamps the file does not write out: by default «УТВЕРЖДЕНО
    /// приказом …» cites the document's own order, else the order on
    /// implementation, which must then approve it; an own order that is the
    /// order on implementation (same number and date) is one of its annexes.
    pub(super) fn default_stamps_cite_approving(&mut self) {
        let org = self.org;
        if org.kind != OrganizationKind::School {
            return;
        }
        let Some(implementation) = org.orders.implementation.as_ref() else {
            return;
        };
        let keeps_documents = org.council.is_some() || !org.forms.is_empty();
        for document in ["provision", "programme"] {
            let (nominative, accusative) = noun(document);
            let approves = implementation_approves(org, document);
            match approved_order(org, document) {
                Some(own) if same_order(own, implementation) && !approves => self.error(
                    format!("orders.{document}.number"),
                    format!(
                        "{nominative} {} приказом № {} от {} — это приказ о внедрении, а в его приложениях {} нет; добавьте {document} в orders.implementation.annexes или дайте приказу об утверждении свой номер и дату",
                        approved_word(document),
                        own.number.trim(),
                        crate::russian::date_numeric(own.date),
                        if document == "provision" { "положения" } else { "программы" }
                    ),
                ),
                Some(own) if !same_order(own, implementation) && approves => self.error(
                    "orders.implementation.annexes".into(),
                    format!(
                        "{nominative} утверждают два приказа: приказ о внедрении ({} № {}, приложение {document}) и orders.{document} ({} № {}); оставьте один — уберите {document} из orders.implementation.annexes или раздел orders.{document}",
                        crate::russian::date_numeric(implementation.date),
                        implementation.number.trim(),
                        crate::russian::date_numeric(own.date),
                        own.number.trim()
                    ),
                ),
                // Only a file that keeps its положение and программа (a council
                // adopts them, forms are chosen) is told of their default stamp.
                None if !approves && keeps_documents => self.warning(
                    "orders.implementation".into(),
                    format!(
                        "гриф {} «УТВЕРЖДЕНО приказом от {} № {}» ссылается на приказ о внедрении, а тот {accusative} не утверждает; опишите приказ об утверждении в orders.{document} (number и date) или добавьте {document} в orders.implementation.annexes",
                        if document == "provision" { "положения" } else { "программы" },
                        crate::russian::date_numeric(implementation.date),
                        implementation.number.trim()
                    ),
                ),
                _ => {}
            }
        }
    }

    /// A key an approval cites: an order, `council`, or a key under `documents`.
    fn cited(&mut self, key: &str, field: String) {
        let orders = &self.org.orders;
        let found = match key {
            "council" => self.org.council.is_some(),
            "implementation" => orders.implementation.is_some(),
            "curator" => orders.curator.is_some(),
            "pairs" => orders.pairs.is_some(),
            "rewards" => orders.rewards.is_some(),
            "final_event" => orders.final_event.is_some(),
            "provision" => orders.provision.is_some(),
            "programme" => orders.programme.is_some(),
            _ => self.org.documents.contains_key(key),
        };
        if found {
            return;
        }
        let message = if key == "council" {
            "решения педагогического совета нет: добавьте раздел council (дата и номер протокола)"
                .to_string()
        } else if ORDER_KEYS.contains(&key) {
            format!("приказа orders.{key} в файле нет: опишите его (номер и дата) или сошлитесь на другой документ")
        } else {
            let known = self
                .org
                .documents
                .keys()
                .map(String::as_str)
                .chain(ORDER_KEYS)
                .chain(["council"])
                .map(str::to_string)
                .collect::<Vec<_>>();
            format!(
                "документ с ключом «{key}» не найден ни в orders, ни в documents; {}",
                close_keys(key, known.iter())
            )
        };
        self.error(field, message);
    }
}
