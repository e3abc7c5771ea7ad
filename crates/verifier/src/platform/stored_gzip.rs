//! GZIP in stored (uncompressed) DEFLATE blocks: the browser build's compressor for tests
//! (feature `test-support`), which need a valid stream, not a small one. No compressor ships.

/// `data` as a GZIP stream (RFC 1952) of stored DEFLATE blocks (RFC 1951 §3.2.4).
pub fn gzip(data: &[u8]) -> Vec<u8> {
    const CRC32: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_ISO_HDLC);
    // Magic, CM = deflate, no flags, no mtime, no extra flags, OS unknown.
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    let mut blocks = data.chunks(usize::from(u16::MAX)).peekable();
    if blocks.peek().is_none() {
        out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    }
    while let Some(block) = blocks.next() {
        let len = block.len() as u16;
        out.push(u8::from(blocks.peek().is_none()));
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    out.extend_from_slice(&CRC32.checksum(data).to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn inflates_to_the_input() {
        for len in [0, 1, 65_535, 65_536, 200_000] {
            let data: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
            let gz = super::gzip(&data);
            let back = futures::executor::block_on(super::super::gunzip(&gz, len)).unwrap();
            assert_eq!(back, data, "{len} bytes");
        }
    }
}
