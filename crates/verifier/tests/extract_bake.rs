//! Baking: extract(bake(x)) == x, existing badges are replaced, and baked files read correctly
//! under another implementation's rules (the `png` crate; a prefix-matching XML reader as the
//! baking specs' examples assume).

use badge_verifier::extract::png::{chunks, parse_itxt};
use badge_verifier::extract::{
    bake_png, bake_svg, extract, BadgeVersion, BakeError, Container, Payload,
};
use badge_verifier::Limits;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../tests/fixtures/extract/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn expected(name: &str) -> String {
    String::from_utf8(fixture(&format!("expected/{name}.txt"))).unwrap()
}

fn payloads() -> Vec<(BadgeVersion, Payload)> {
    let brace = r#"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://example.org/a/1?x=1&y=2","note":"} ]]> <&> \"é\""}"#;
    vec![
        (
            BadgeVersion::Ob2,
            Payload::Url("https://example.org/assertions/1?a=1&b=<2>".into()),
        ),
        (BadgeVersion::Ob2, Payload::Json(brace.into())),
        (
            BadgeVersion::Ob2,
            Payload::Json(expected("ob20-simple-badge.png")),
        ),
        (
            BadgeVersion::Ob2,
            Payload::Jws("eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln".into()),
        ),
        (
            BadgeVersion::Ob3,
            Payload::Json(expected("ob30-simple-json.svg")),
        ),
        (
            BadgeVersion::Ob3,
            Payload::Jws(expected("ob30-simple-jwt.png")),
        ),
    ]
}

const PNGS: &[&str] = &[
    "ob20-simple-badge.png",
    "ob20-assets-robotics-badge.png",
    "ob30-simple-json.png",
    "ob30-simple-jwt_v1.png",
];
const SVGS: &[&str] = &[
    "ob30-simple-json.svg",
    "ob30-simple-jwt.svg",
    "adversarial/svg-no-badge.svg",
];

/// `bake_png` or `bake_svg`.
type Bake = fn(&[u8], BadgeVersion, &Payload) -> Result<Vec<u8>, BakeError>;

/// Baking another badge over `baked` (with `bake`) leaves exactly that one, and no warning.
fn assert_rebakes_to_one_badge(baked: &[u8], bake: Bake, name: &str) {
    let url = Payload::Url("https://e.org/2".into());
    let again = bake(baked, BadgeVersion::Ob2, &url).unwrap();
    let e = extract(&again, &Limits::default()).unwrap();
    assert_eq!((e.payload, e.warnings.len()), (url, 0), "{name}");
}

#[test]
fn png_round_trip_replaces_existing_badges() {
    for name in PNGS {
        for (version, payload) in payloads() {
            let baked = bake_png(&fixture(name), version, &payload)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let e = extract(&baked, &Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(e.payload, payload, "{name}");
            assert!(
                e.warnings.is_empty(),
                "{name}: the old badge must be gone: {:?}",
                e.warnings
            );
            let keyword = version.png_keyword().to_string();
            assert_eq!(
                e.container,
                Container::Png {
                    chunk: "iTXt".into(),
                    keyword
                }
            );
            // Baking again over the result still leaves exactly one badge.
            assert_rebakes_to_one_badge(&baked, bake_png, name);
        }
    }
}

/// The badge chunk sits right after IHDR, uncompressed, with empty language tag and translated
/// keyword; every other chunk is unchanged.
#[test]
fn png_layout_follows_the_baking_spec() {
    let original = fixture("ob30-simple-json.png");
    let payload = Payload::Jws(expected("ob30-simple-jwt.png"));
    let baked = bake_png(&original, BadgeVersion::Ob3, &payload).unwrap();
    let kinds: Vec<[u8; 4]> = chunks(&baked).unwrap().map(|c| c.unwrap().kind).collect();
    assert_eq!(&kinds[..2], &[*b"IHDR", *b"iTXt"]);
    let itxt = chunks(&baked).unwrap().nth(1).unwrap().unwrap();
    assert!(itxt.crc_ok());
    let t = parse_itxt(itxt.data).unwrap();
    assert_eq!(
        (t.keyword, t.compressed),
        (&b"openbadgecredential"[..], false)
    );
    assert_eq!(
        &itxt.data[..itxt.data.len() - t.text.len()],
        b"openbadgecredential\0\0\0\0\0"
    );
    let others = |b: &[u8]| -> Vec<Vec<u8>> {
        chunks(b)
            .unwrap()
            .map(|c| c.unwrap())
            .filter(|c| &c.kind != b"iTXt")
            .map(|c| c.data.to_vec())
            .collect()
    };
    assert_eq!(others(&original), others(&baked));
}

/// The `png` crate decodes the baked file (CRCs, image data) and finds the iTXt chunk.
#[test]
fn png_crate_reads_baked_files() {
    for name in PNGS {
        for (version, payload) in payloads() {
            let baked = bake_png(&fixture(name), version, &payload).unwrap();
            let mut reader = png::Decoder::new(std::io::Cursor::new(&baked))
                .read_info()
                .unwrap();
            let mut buf = vec![0; reader.output_buffer_size().unwrap()];
            reader
                .next_frame(&mut buf)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            reader.finish().unwrap();
            let texts = &reader.info().utf8_text;
            let ours: Vec<_> = texts
                .iter()
                .filter(|t| t.keyword == version.png_keyword())
                .collect();
            assert_eq!(ours.len(), 1, "{name}");
            assert!(!ours[0].compressed);
            let text = match &payload {
                Payload::Url(t) | Payload::Json(t) | Payload::Jws(t) => t.clone(),
            };
            assert_eq!(ours[0].get_text().unwrap(), text, "{name}");
        }
    }
}

#[test]
fn svg_round_trip_replaces_existing_badges() {
    for name in SVGS {
        for (version, payload) in payloads() {
            let baked = bake_svg(&fixture(name), version, &payload)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let e = extract(&baked, &Limits::default())
                .unwrap_or_else(|e| panic!("{name}: {e}\n{}", String::from_utf8_lossy(&baked)));
            assert_eq!(e.payload, payload, "{name}");
            assert!(e.warnings.is_empty(), "{name}: {:?}", e.warnings);
            assert_rebakes_to_one_badge(&baked, bake_svg, name);
        }
    }
}

/// Read the way the baking specs' examples are written (and many implementations do it): the
/// first element after `<svg>` is `openbadges:assertion`/`openbadges:credential` by its
/// qualified name, with `xmlns:openbadges` on the `<svg>` tag; the JSON in CDATA, or `verify`.
#[test]
fn svg_reads_by_the_specs_literal_rules() {
    use quick_xml::events::Event;
    for name in SVGS {
        for (version, payload) in payloads() {
            let baked =
                String::from_utf8(bake_svg(&fixture(name), version, &payload).unwrap()).unwrap();
            let (ns, element) = match version {
                BadgeVersion::Ob2 => ("http://openbadges.org", "openbadges:assertion"),
                BadgeVersion::Ob3 => (
                    "https://purl.imsglobal.org/ob/v3p0",
                    "openbadges:credential",
                ),
            };
            let mut r = quick_xml::Reader::from_str(&baked);
            let mut seen_svg = false;
            let mut text = String::new();
            let mut verify = None;
            let mut inside = false;
            loop {
                match r.read_event().unwrap() {
                    Event::Start(e) if !seen_svg => {
                        seen_svg = true;
                        let decl = e.try_get_attribute("xmlns:openbadges").unwrap().unwrap();
                        assert_eq!(decl.value, ns, "{name}");
                    }
                    Event::Start(e) | Event::Empty(e) if seen_svg && !inside => {
                        assert_eq!(
                            e.name().into_inner(),
                            element,
                            "{name}: the badge comes first"
                        );
                        verify = e.try_get_attribute("verify").unwrap().map(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .unwrap()
                                .into_owned()
                        });
                        inside = true;
                    }
                    Event::CData(c) if inside => {
                        text.push_str(&c.xml_content(quick_xml::XmlVersion::Implicit1_0))
                    }
                    Event::End(e) if inside => {
                        assert_eq!(e.name().into_inner(), element);
                        break;
                    }
                    Event::Eof => panic!("{name}: no badge element"),
                    _ => {}
                }
            }
            match &payload {
                Payload::Json(j) => assert_eq!(&text, j, "{name}"),
                Payload::Url(u) | Payload::Jws(u) => {
                    assert_eq!(verify.as_deref(), Some(u.as_str()), "{name}")
                }
            }
        }
    }
}

#[test]
fn svg_edge_shapes() {
    let url = Payload::Url("https://e.org/1".into());
    // A self-closing root.
    let baked = bake_svg(
        b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        BadgeVersion::Ob2,
        &url,
    )
    .unwrap();
    assert_eq!(extract(&baked, &Limits::default()).unwrap().payload, url);
    // The root binds openbadges to the OB 2.0 namespace; baking OB 3.0 rebinds it.
    let jws = Payload::Jws("eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln".into());
    let baked = bake_svg(
        &fixture("adversarial/svg-duplicate.svg"),
        BadgeVersion::Ob3,
        &jws,
    )
    .unwrap();
    let e = extract(&baked, &Limits::default()).unwrap();
    assert_eq!((e.payload, e.warnings.len()), (jws.clone(), 0));
    assert!(String::from_utf8(baked)
        .unwrap()
        .contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\""));
    // The prefix is bound to something else: refused rather than break the document.
    let other = bake_svg(
        &fixture("adversarial/svg-wrong-namespace.svg"),
        BadgeVersion::Ob2,
        &url,
    );
    assert!(matches!(other, Err(BakeError::Image(_))), "{other:?}");
    // An OB 2.0 JSON assertion also gets verify = its id, as in the spec's example.
    let json = Payload::Json(r#"{"id":"https://e.org/a/1","type":"Assertion"}"#.into());
    let baked = String::from_utf8(bake_svg(b"<svg/>", BadgeVersion::Ob2, &json).unwrap()).unwrap();
    assert!(
        baked.contains("<openbadges:assertion verify=\"https://e.org/a/1\">"),
        "{baked}"
    );
}

#[test]
fn bake_errors() {
    let url = Payload::Url("https://e.org/1".into());
    let jpeg = fixture("adversarial/jpeg.jpg");
    assert!(matches!(
        bake_png(&jpeg, BadgeVersion::Ob2, &url),
        Err(BakeError::Image(_))
    ));
    assert!(matches!(
        bake_svg(&jpeg, BadgeVersion::Ob2, &url),
        Err(BakeError::Image(_))
    ));
    let png = fixture("ob20-simple-badge.png");
    assert!(matches!(
        bake_png(&png[..200], BadgeVersion::Ob2, &url),
        Err(BakeError::Image(_))
    ));
    let not_a_jws = Payload::Jws("https://e.org/1".into());
    assert!(matches!(
        bake_png(&png, BadgeVersion::Ob2, &not_a_jws),
        Err(BakeError::Payload(_))
    ));
    assert!(matches!(
        bake_png(&png, BadgeVersion::Ob3, &url),
        Err(BakeError::Payload(_))
    ));
    assert!(matches!(
        bake_png(&png, BadgeVersion::Ob2, &Payload::Json(" {} ".into())),
        Err(BakeError::Payload(_))
    ));
}
