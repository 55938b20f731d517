using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Execution;

namespace Zoo.Core.Tests.Execution;

public class FormatCheckTests
{
    private static readonly DataDescription Data = ZcfgParser.Parse("""
        [S]
         <DataInputs>
          [doc]
           <ComplexData>
            <Default>
             mimeType = application/json
             encoding = UTF-8
             extension = json
            </Default>
            <Supported>
             mimeType = text/xml; subtype=gml/3.1.1
             encoding = UTF-8
             schema = http://schemas.opengis.net/gml/3.1.1/base/feature.xsd
             extension = gml
            </Supported>
            <Supported>
             mimeType = text/xml; subtype=gml/3.1.1
             encoding = base64
             schema = http://schemas.opengis.net/gml/3.1.1/base/feature.xsd
             extension = b64
            </Supported>
            <Supported>
             mimeType = image/png
             extension = png
            </Supported>
           </ComplexData>
         </DataInputs>
        """).Inputs[0].Data!;

    private static ConfigValues Requested(params (string Key, string Value)[] keys) =>
        new(keys.Select(k => KeyValuePair.Create(k.Key, k.Value)));

    private static string? ExtensionOf(params (string Key, string Value)[] keys) => FormatCheck.Match(Requested(keys), Data)?["extension"];

    [Test]
    public void A_request_that_names_no_format_gets_the_default()
    {
        Assert.That(ExtensionOf(), Is.EqualTo("json"));
    }

    [Test]
    public void A_declared_mime_type_gets_its_block()
    {
        Assert.That(ExtensionOf(("mimeType", "image/png")), Is.EqualTo("png"));
    }

    [Test]
    public void A_mime_type_is_matched_without_regard_to_case_or_blanks()
    {
        Assert.That(ExtensionOf(("mimeType", "TEXT/XML;subtype=GML/3.1.1")), Is.EqualTo("gml"));
    }

    [Test]
    public void An_undeclared_mime_type_fits_no_block()
    {
        Assert.That(FormatCheck.Match(Requested(("mimeType", "text/html")), Data), Is.Null);
    }

    [Test]
    public void A_mime_type_that_only_starts_like_a_declared_one_fits_no_block()
    {
        Assert.That(FormatCheck.Match(Requested(("mimeType", "image/png2")), Data), Is.Null);
    }

    [Test]
    public void The_encoding_chooses_among_the_blocks_of_one_mime_type()
    {
        Assert.That(ExtensionOf(("mimeType", "text/xml; subtype=gml/3.1.1"), ("encoding", "base64")), Is.EqualTo("b64"));
    }

    [Test]
    public void An_undeclared_encoding_fits_no_block()
    {
        Assert.That(FormatCheck.Match(Requested(("mimeType", "application/json"), ("encoding", "base64")), Data), Is.Null);
    }

    [Test]
    public void An_undeclared_schema_fits_no_block()
    {
        Assert.That(FormatCheck.Match(Requested(("mimeType", "text/xml; subtype=gml/3.1.1"), ("schema", "http://evil.example.org/x.xsd")), Data),
            Is.Null);
    }

    [Test]
    public void A_block_that_declares_no_encoding_accepts_any()
    {
        Assert.That(ExtensionOf(("mimeType", "image/png"), ("encoding", "base64")), Is.EqualTo("png"));
    }

    [Test]
    public void An_encoding_alone_gets_the_first_block_it_fits()
    {
        Assert.That(ExtensionOf(("encoding", "base64")), Is.EqualTo("b64"));
    }

    [Test]
    public void Without_a_declaration_no_format_fits()
    {
        Assert.That(FormatCheck.Match(Requested(("mimeType", "text/xml")), null), Is.Null);
    }

    [Test]
    public void The_first_block_of_a_mime_type_gives_its_defaults()
    {
        Assert.That(FormatCheck.ForMimeType("text/xml;subtype=gml/3.1.1", Data)?["extension"], Is.EqualTo("gml"));
    }

    [Test]
    public void No_mime_type_has_no_block()
    {
        Assert.That(FormatCheck.ForMimeType(null, Data), Is.Null);
    }
}
