//! The state of an open file: the OS handle, a read buffer and a write
//! buffer, and the text layer's reading rules (newline handling).
//!
//! Model: at any moment at most one buffer holds data. Reading first
//! flushes pending writes; writing first gives back unread buffered bytes
//! (seeking the OS handle back over them), as CPython's `BufferedRandom`
//! does, so the OS position plus `wbuf` minus the unread part of `rbuf` is
//! always the logical position. Dropping the state flushes and closes the
//! handle (errors then are ignored, as CPython ignores them in `__del__`).
//!
//! Text reading works on raw bytes, which is sound because text files are
//! only opened with ASCII-compatible codecs (`Codec::ascii_compatible`):
//! `\n` and `\r` never occur inside another character's bytes. So a
//! line is found in the raw buffer, then decoded, and `tell()` stays a
//! byte offset.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};

/// `newline=` of a text file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Newline {
    /// `None`: `\n`, `\r` and `\r\n` end lines and read as `\n`; `\n` is
    /// written as is (the platform separator on Unix).
    Universal,
    /// `''`: any of the three ends a line, returned untranslated.
    UniversalRaw,
    /// `'\n'`, `'\r'`, `'\r\n'`: only that ends a line; writing turns `\n`
    /// into it.
    Only(LineSep),
}

/// A line separator a text file was told to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineSep {
    Lf,
    Cr,
    CrLf,
}

impl LineSep {
    pub fn as_bytes(self) -> &'static [u8] {
        match self {
            LineSep::Lf => b"\n",
            LineSep::Cr => b"\r",
            LineSep::CrLf => b"\r\n",
        }
    }
}

/// The text layer of a text file.
pub struct TextSettings {
    pub codec: crate::text::codecs::Codec,
    /// The `encoding` attribute as CPython shows it (`'UTF-8'` when the
    /// locale default was used, else the name given).
    pub encoding: Box<str>,
    pub errors: Box<str>,
    pub newline: Newline,
    /// `buffering=1`: flush after each write that contains a newline.
    pub line_buffering: bool,
}

const CHUNK: usize = 8192;

pub struct FileState {
    file: Option<File>,
    pub readable: bool,
    pub writable: bool,
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
}

impl FileState {
    pub fn new(file: File, readable: bool, writable: bool) -> FileState {
        FileState { file: Some(file), readable, writable, rbuf: Vec::new(), rpos: 0, wbuf: Vec::new() }
    }

    pub fn is_closed(&self) -> bool {
        self.file.is_none()
    }

    fn handle(&mut self) -> io::Result<&mut File> {
        self.file.as_mut().ok_or_else(|| io::Error::other("closed"))
    }

    pub fn close(&mut self) -> io::Result<()> {
        let r = self.flush();
        self.file = None;
        self.rbuf.clear();
        self.rpos = 0;
        r
    }

    pub fn flush(&mut self) -> io::Result<()> {
        if !self.wbuf.is_empty() {
            let data = std::mem::take(&mut self.wbuf);
            self.handle()?.write_all(&data)?;
        }
        Ok(())
    }

    /// Drops unread buffered bytes, moving the OS position back over them.
    fn unread(&mut self) -> io::Result<()> {
        let rest = self.rbuf.len() - self.rpos;
        self.rbuf.clear();
        self.rpos = 0;
        if rest > 0 {
            self.handle()?.seek(SeekFrom::Current(-(rest as i64)))?;
        }
        Ok(())
    }

    /// The unread buffered bytes.
    pub fn buffered(&self) -> &[u8] {
        &self.rbuf[self.rpos..]
    }

    pub fn consume(&mut self, n: usize) {
        self.rpos = (self.rpos + n).min(self.rbuf.len());
    }

    /// Reads one more chunk into the buffer; false at end of file.
    pub fn fill(&mut self) -> io::Result<bool> {
        self.flush()?;
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let old = self.rbuf.len();
        self.rbuf.resize(old + CHUNK, 0);
        let n = loop {
            let file = self.file.as_mut().ok_or_else(|| io::Error::other("closed"))?;
            match file.read(&mut self.rbuf[old..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.rbuf.truncate(old);
                    return Err(e);
                }
            }
        };
        self.rbuf.truncate(old + n);
        Ok(n > 0)
    }

    /// Fills until `n` bytes are buffered or the file ends.
    pub fn fill_to(&mut self, n: usize) -> io::Result<()> {
        while self.buffered().len() < n {
            if !self.fill()? {
                break;
            }
        }
        Ok(())
    }

    /// Up to `n` bytes (all the rest for `None`).
    pub fn read(&mut self, n: Option<usize>) -> io::Result<Vec<u8>> {
        match n {
            Some(n) => self.fill_to(n)?,
            None => while self.fill()? {},
        }
        let take = n.unwrap_or(usize::MAX).min(self.buffered().len());
        let out = self.buffered()[..take].to_vec();
        self.consume(take);
        Ok(out)
    }

    /// The raw bytes of the next line, its terminator included, at most
    /// `limit` bytes: binary files end lines at `\n` only, text files as
    /// `newline` says (`None` for binary).
    pub fn read_line(&mut self, newline: Option<Newline>, limit: Option<usize>) -> io::Result<Vec<u8>> {
        let mut scanned = 0;
        loop {
            let buf = self.buffered();
            let stop = limit.unwrap_or(usize::MAX).min(buf.len());
            let mut end = None;
            let mut need_more = false;
            for i in scanned..stop {
                let (hit, len) = line_end(&buf[i..], newline);
                if hit {
                    if len == 0 {
                        // A `\r` at the end of the buffer: `\r\n` may follow.
                        need_more = true;
                        break;
                    }
                    end = Some(i + len);
                    break;
                }
            }
            if let Some(e) = end {
                let e = e.min(limit.unwrap_or(usize::MAX));
                let out = buf[..e].to_vec();
                self.consume(e);
                return Ok(out);
            }
            if limit.is_some_and(|l| buf.len() >= l) && !need_more {
                let out = buf[..stop].to_vec();
                self.consume(stop);
                return Ok(out);
            }
            scanned = if need_more { stop.saturating_sub(1) } else { stop };
            if !self.fill()? {
                let buf = self.buffered();
                let e = limit.unwrap_or(usize::MAX).min(buf.len());
                let out = buf[..e].to_vec();
                self.consume(e);
                return Ok(out);
            }
        }
    }

    pub fn write(&mut self, data: &[u8]) -> io::Result<()> {
        self.unread()?;
        self.wbuf.extend_from_slice(data);
        if self.wbuf.len() >= CHUNK {
            self.flush()?;
        }
        Ok(())
    }

    pub fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.flush()?;
        let pos = match pos {
            SeekFrom::Current(d) => SeekFrom::Current(d - (self.rbuf.len() - self.rpos) as i64),
            p => p,
        };
        self.rbuf.clear();
        self.rpos = 0;
        self.handle()?.seek(pos)
    }

    pub fn tell(&mut self) -> io::Result<u64> {
        self.flush()?;
        let rest = (self.rbuf.len() - self.rpos) as u64;
        Ok(self.handle()?.stream_position()? - rest)
    }

    pub fn truncate(&mut self, size: Option<u64>) -> io::Result<u64> {
        self.flush()?;
        self.unread()?;
        let size = match size {
            Some(s) => s,
            None => self.handle()?.stream_position()?,
        };
        self.handle()?.set_len(size)?;
        Ok(size)
    }

    pub fn fileno(&self) -> Option<i32> {
        use std::os::unix::io::AsRawFd;
        self.file.as_ref().map(|f| f.as_raw_fd())
    }

    pub fn is_tty(&self) -> bool {
        use std::io::IsTerminal;
        self.file.as_ref().is_some_and(|f| f.is_terminal())
    }
}

/// Whether a line ends at the start of `rest`, and the terminator's length
/// (0 for a lone `\r` at the end of `rest` that may yet be `\r\n`).
fn line_end(rest: &[u8], newline: Option<Newline>) -> (bool, usize) {
    match newline {
        None | Some(Newline::Only(LineSep::Lf)) => (rest[0] == b'\n', 1),
        Some(Newline::Universal | Newline::UniversalRaw) => match rest[0] {
            b'\n' => (true, 1),
            b'\r' if rest.len() == 1 => (true, 0),
            b'\r' if rest[1] == b'\n' => (true, 2),
            b'\r' => (true, 1),
            _ => (false, 0),
        },
        Some(Newline::Only(sep)) => {
            let sep = sep.as_bytes();
            if rest.starts_with(sep) {
                (true, sep.len())
            } else if sep.len() == 2 && rest == &sep[..1] {
                (true, 0)
            } else {
                (false, 0)
            }
        }
    }
}

/// Text read through `newline`: `\r\n` and `\r` become `\n` in universal
/// mode; other modes return the text as read.
pub fn translate_newlines(text: &[u8], newline: Newline) -> std::borrow::Cow<'_, [u8]> {
    if newline != Newline::Universal || !text.contains(&b'\r') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i] == b'\r' {
            out.push(b'\n');
            i += if text.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
        } else {
            out.push(text[i]);
            i += 1;
        }
    }
    std::borrow::Cow::Owned(out)
}

thread_local! {
    /// Every file state opened on this thread, weakly: objects still alive
    /// when a program ends (globals, cycles) must not lose buffered
    /// writes, so the interpreter flushes them all when a run finishes.
    static OPEN_FILES: std::cell::RefCell<Vec<std::rc::Weak<std::cell::RefCell<FileState>>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Makes a shared file state, registered for `flush_open_files`.
pub fn register(state: FileState) -> std::rc::Rc<std::cell::RefCell<FileState>> {
    let rc = std::rc::Rc::new(std::cell::RefCell::new(state));
    OPEN_FILES.with(|f| {
        let mut files = f.borrow_mut();
        if files.len() >= 64 && files.len().is_power_of_two() {
            files.retain(|w| w.strong_count() > 0);
        }
        files.push(std::rc::Rc::downgrade(&rc));
    });
    rc
}

/// Flushes the write buffers of all files still open (CPython flushes
/// them at exit); errors are ignored, as at CPython's shutdown.
pub fn flush_open_files() {
    let live: Vec<_> = OPEN_FILES.with(|f| f.borrow().iter().filter_map(|w| w.upgrade()).collect());
    for state in live {
        if let Ok(mut s) = state.try_borrow_mut() {
            let _ = s.flush();
        }
    }
}

impl Drop for FileState {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}
