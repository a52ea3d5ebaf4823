//! `format(z, spec)` for a complex number: CPython 3.11's
//! `format_complex_internal`.
//!
//! Each part is rendered like a float under the same spec without width
//! (the imaginary part always signed when a real part is shown), then
//! the whole `(re+imj)` is padded. With no presentation type the parts
//! use repr digits and the real part is omitted when it is +0.0, as
//! `str(z)`; zero padding and `=` alignment are refused.

use super::Wtf8Buf;
use super::format_spec::{FormatError, FormatSpec, format_float_spec, pad};

/// `format(complex(re, im), spec)`.
pub fn format_complex_wtf8(re: f64, im: f64, spec: &Wtf8Buf) -> Result<Wtf8Buf, FormatError> {
    let f = FormatSpec::parse_wtf8(spec, '\0', '>', "complex")?;
    if !matches!(f.ty, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
        let c = f.ty as u32;
        let code = if c > 32 && c < 128 { format!("'{}'", f.ty) } else { format!("'\\x{c:x}'") };
        return Err(FormatError::value(format!("Unknown format code {code} for object of type 'complex'")));
    }
    if f.fill == '0' as u32 {
        return Err(FormatError::value("Zero padding is not allowed in complex format specifier"));
    }
    if f.align == '=' {
        return Err(FormatError::value("'=' alignment flag is not allowed in complex format specifier"));
    }
    let mut part = f.clone();
    part.width = None;
    part.fill = ' ' as u32;
    part.align = '<';
    let (mut skip_re, mut add_parens) = (false, false);
    if f.ty == '\0' {
        // Like str(z): repr digits without `.0`.
        part.ty = 'r';
        if f.precision.is_none() {
            part.precision = Some(0);
            part.ty = 'r';
        } else {
            part.ty = 'g';
        }
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
    }
    let mut body = Wtf8Buf::new();
    if add_parens {
        body.push_str("(");
    }
    if !skip_re {
        body.push_wtf8(&format_part(re, &part)?);
        part.sign = '+';
    }
    body.push_wtf8(&format_part(im, &part)?);
    body.push_str("j");
    if add_parens {
        body.push_str(")");
    }
    let len = body.code_points().count();
    let mut out = Wtf8Buf::new();
    pad(&mut out, body.code_points(), len, &f)?;
    Ok(out)
}

/// One part; `r` with precision 0 stands for repr digits (no `.0`).
fn format_part(x: f64, spec: &FormatSpec) -> Result<Wtf8Buf, FormatError> {
    let mut s = spec.clone();
    if s.ty == 'r' {
        s.precision = None;
    }
    format_float_spec(x, &s)
}

#[cfg(test)]
mod tests {
    use super::format_complex_wtf8;
    use crate::text::Wtf8Buf;

    fn f(re: f64, im: f64, spec: &str) -> String {
        format_complex_wtf8(re, im, &Wtf8Buf::from_str(spec)).map(|w| w.to_string_lossy()).unwrap_or_else(|e| e.message)
    }

    #[test]
    fn matches_cpython() {
        assert_eq!(f(1.0, 2.0, ".2f"), "1.00+2.00j");
        assert_eq!(f(1.0, 2.0, ">12"), "      (1+2j)");
        assert_eq!(f(0.0, -2.5, "^9"), "  -2.5j  ");
        assert_eq!(f(1.5, 2.0, "+.1e"), "+1.5e+00+2.0e+00j");
        assert_eq!(f(1.0, 1.0, "010"), "Zero padding is not allowed in complex format specifier");
        assert_eq!(f(1.0, 1.0, "d"), "Unknown format code 'd' for object of type 'complex'");
    }
}
