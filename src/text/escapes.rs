//! PROVISIONAL: replaced by the full escape decoder from the `dump` branch.
use crate::error::SyntaxError;
use crate::text::Wtf8Buf;

pub fn decode_str(body: &str, _raw: bool, _body_offset: usize) -> Result<Wtf8Buf, SyntaxError> {
    Ok(Wtf8Buf::from_str(body))
}

pub fn decode_bytes(body: &str, _raw: bool, _body_offset: usize) -> Result<Vec<u8>, SyntaxError> {
    Ok(body.as_bytes().to_vec())
}
