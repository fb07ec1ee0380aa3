//! Writing what the user asked for without ever losing what was there: every
//! file is written aside and renamed into place, several files commit
//! together or not at all, an input is never overwritten, and a link or a
//! device is never written through.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use nastavnik_core::russian::io_error;

use crate::{bad_input, Failure};

/// Why a path cannot be written, or `None` if it can: it must not be one of
/// the inputs, a symbolic link, a device, a pipe or a directory.
pub(crate) fn refusal(path: &Path, inputs: &[&Path]) -> Option<String> {
    let shown = path.display();
    let meta = std::fs::symlink_metadata(path).ok()?;
    if meta.file_type().is_symlink() {
        return Some(format!(
            "{shown} — символическая ссылка: запись через неё изменила бы другой файл; укажите сам файл"
        ));
    }
    if meta.is_dir() {
        return Some(format!("{shown} — каталог: укажите имя файла"));
    }
    if !meta.is_file() {
        return Some(format!(
            "{shown} — не обычный файл (устройство или канал): документ в него не записывается"
        ));
    }
    for input in inputs {
        if same_file(path, input) {
            return Some(format!(
                "{shown} — это входной файл: документ заменил бы его; укажите другое имя в --output"
            ));
        }
    }
    None
}

fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// A file written beside its target, not yet in place.
struct Staged {
    temporary: PathBuf,
    target: PathBuf,
}

impl Drop for Staged {
    fn drop(&mut self) {
        // Still here: not committed. A stray temporary file is never left.
        let _ = std::fs::remove_file(&self.temporary);
    }
}

fn stage(target: &Path, bytes: &[u8]) -> Result<Staged, Failure> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(|e| {
        bad_input(format!(
            "не удалось создать каталог {}: {}",
            dir.display(),
            io_error(&e)
        ))
    })?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document".into());
    let (file, temporary) = loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temporary = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
        // create_new: never reuses or follows anything; the mode is 0666 less the umask.
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(file) => break (file, temporary),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(bad_input(format!(
                    "не удалось создать файл в {}: {}",
                    dir.display(),
                    io_error(&e)
                )))
            }
        }
    };
    let staged = Staged {
        temporary,
        target: target.to_path_buf(),
    };
    write_and_sync(file, bytes, target).map_err(|e| {
        bad_input(format!(
            "не удалось записать {}: {}",
            target.display(),
            io_error(&e)
        ))
    })?;
    Ok(staged)
}

fn write_and_sync(mut file: File, bytes: &[u8], target: &Path) -> std::io::Result<()> {
    file.write_all(bytes)?;
    // A file replaced keeps its mode (a base of minors' data may be 0600).
    if let Ok(meta) = std::fs::metadata(target) {
        file.set_permissions(meta.permissions())?;
    }
    file.sync_all()
}

/// Writes every file or none: all are written aside first, checked, and only
/// then renamed into place. `inputs` are never overwritten.
pub(crate) fn write_all(files: &[(PathBuf, &[u8])], inputs: &[&Path]) -> Result<(), Failure> {
    for (path, _) in files {
        if let Some(reason) = refusal(path, inputs) {
            return Err(bad_input(reason));
        }
    }
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        staged.push(stage(path, bytes)?);
    }
    for s in &staged {
        std::fs::rename(&s.temporary, &s.target).map_err(|e| {
            bad_input(format!(
                "не удалось записать {}: {}",
                s.target.display(),
                io_error(&e)
            ))
        })?;
    }
    Ok(())
}

/// Writes one file atomically (see [`write_all`]).
pub(crate) fn write_one(path: &Path, bytes: &[u8], inputs: &[&Path]) -> Result<(), Failure> {
    write_all(&[(path.to_path_buf(), bytes)], inputs)
}

/// Writes to standard output: a closed pipe (`| head`) is a normal end, any
/// other failure (a full disk) is an error, not a silent truncation.
pub(crate) fn to_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(bad_input(format!(
            "не удалось вывести результат: {}",
            io_error(&e)
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_written_through_a_link_onto_an_input_or_a_device() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("school.yaml");
        std::fs::write(&input, "kind: school\n").unwrap();
        let err = write_one(&input, b"%PDF", &[&input]).unwrap_err();
        assert!(err.message.contains("это входной файл"), "{}", err.message);
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "kind: school\n");
        #[cfg(unix)]
        {
            let link = dir.path().join("link.pdf");
            std::os::unix::fs::symlink(&input, &link).unwrap();
            let err = write_one(&link, b"%PDF", &[]).unwrap_err();
            assert!(
                err.message.contains("символическая ссылка"),
                "{}",
                err.message
            );
            assert_eq!(std::fs::read_to_string(&input).unwrap(), "kind: school\n");
            let err = write_one(Path::new("/dev/null"), b"%PDF", &[]).unwrap_err();
            assert!(err.message.contains("не обычный файл"), "{}", err.message);
        }
        // One target that cannot be written: the other is not written either.
        let good = dir.path().join("a.pdf");
        let err = write_all(
            &[(good.clone(), b"%PDF"), (dir.path().to_path_buf(), b"PK")],
            &[],
        )
        .unwrap_err();
        assert!(err.message.contains("каталог"), "{}", err.message);
        assert!(!good.exists());
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "temporary files left: {left:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().join("mentee-base.pdf");
        std::fs::write(&base, b"old").unwrap();
        std::fs::set_permissions(&base, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_one(&base, b"new", &[]).unwrap();
        assert_eq!(std::fs::read(&base).unwrap(), b"new");
        let mode = std::fs::metadata(&base).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
