//! Checks of approvals (грифы) and title pages: every key they cite exists,
//! every number has its date, columns fit the grid.

use super::{close_keys, Checker};
use crate::{Approval, ApprovalKind, Order, MAX_APPROVAL_COLUMNS};

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
