using System.Text;
using Zoo.Core.Configuration;
using Zoo.Core.Tests.TestSupport;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Requests;

namespace Zoo.Core.Tests.Wps.Requests;

public class XmlRequestReaderTests
{
    private static XmlRequest Read(string xml) => XmlRequestReader.Read(Encoding.UTF8.GetBytes(xml), Limits.Defaults);

    private const string GetCapabilities10 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <wps:GetCapabilities xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:wps="http://www.opengis.net/wps/1.0.0" service="WPS" language="fr-FR">
          <wps:AcceptVersions>
            <ows:Version>1.0.0</ows:Version>
          </wps:AcceptVersions>
        </wps:GetCapabilities>
        """;

    private const string GetCapabilities20 = """
        <wps:GetCapabilities xmlns:ows="http://www.opengis.net/ows/2.0" xmlns:wps="http://www.opengis.net/wps/2.0" service="WPS">
          <ows:AcceptVersions>
            <ows:Version>2.0.0</ows:Version>
            <ows:Version>1.0.0</ows:Version>
          </ows:AcceptVersions>
        </wps:GetCapabilities>
        """;

    private const string DescribeProcess = """
        <DescribeProcess xmlns="http://www.opengis.net/wps/1.0.0" xmlns:ows="http://www.opengis.net/ows/1.1" service="WPS" version="1.0.0">
          <ows:Identifier>HelloPy</ows:Identifier>
          <ows:Identifier> Calculate </ows:Identifier>
          <ows:Identifier>ogc.tests.Echo</ows:Identifier>
        </DescribeProcess>
        """;

    [Test]
    public void The_operation_is_the_root_element_name()
    {
        Assert.That(Read(GetCapabilities10).Parameters["request"], Is.EqualTo("GetCapabilities"));
    }

    [Test]
    public void The_1_0_0_namespace_gives_version_1_0_0()
    {
        Assert.That(Read(GetCapabilities10).Parameters["version"], Is.EqualTo("1.0.0"));
    }

    [Test]
    public void The_2_0_namespace_gives_version_2_0_0()
    {
        Assert.That(Read(GetCapabilities20).Parameters["version"], Is.EqualTo("2.0.0"));
    }

    [Test]
    public void Accepted_versions_are_joined_by_commas()
    {
        Assert.That(Read(GetCapabilities20).Parameters["AcceptVersions"], Is.EqualTo("2.0.0,1.0.0"));
    }

    [Test]
    public void The_service_attribute_is_copied()
    {
        Assert.That(Read(GetCapabilities10).Parameters["service"], Is.EqualTo("WPS"));
    }

    [Test]
    public void The_language_attribute_is_copied()
    {
        Assert.That(Read(GetCapabilities10).Parameters["language"], Is.EqualTo("fr-FR"));
    }

    [Test]
    public void A_GetCapabilities_version_attribute_is_ignored()
    {
        const string xml = """<GetCapabilities service="WPS" version="9.9.9"/>""";

        Assert.That(Read(xml).Parameters.Contains("version"), Is.False);
    }

    [Test]
    public void Several_identifiers_are_joined_by_commas()
    {
        Assert.That(Read(DescribeProcess).Parameters["Identifier"], Is.EqualTo("HelloPy,Calculate,ogc.tests.Echo"));
    }

    [Test]
    public void The_version_attribute_of_other_operations_is_copied()
    {
        Assert.That(Read(DescribeProcess).Parameters["version"], Is.EqualTo("1.0.0"));
    }

    [Test]
    public void A_job_id_is_read_from_GetStatus()
    {
        const string xml = """
            <wps:GetStatus xmlns:wps="http://www.opengis.net/wps/2.0" service="WPS" version="2.0.0">
              <wps:JobID>0b8f7c5a-1d2e-11ef-9a3b-0242ac120002</wps:JobID>
            </wps:GetStatus>
            """;

        Assert.That(Read(xml).Parameters["JobID"], Is.EqualTo("0b8f7c5a-1d2e-11ef-9a3b-0242ac120002"));
    }

    [Test]
    public void An_unknown_root_keeps_its_name_as_request()
    {
        Assert.That(Read("<Frobnicate service=\"WPS\"/>").Parameters["request"], Is.EqualTo("Frobnicate"));
    }

    [Test]
    public void A_plain_request_is_not_soap()
    {
        Assert.That(Read(DescribeProcess).IsSoap, Is.False);
    }

    [Test]
    public void A_soap_envelope_is_unwrapped()
    {
        var xml = $"""
            <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope">
              <soap:Body>
                {DescribeProcess}
              </soap:Body>
            </soap:Envelope>
            """;

        var request = Read(xml);

        Assert.That((request.IsSoap, request.Parameters["request"], request.Parameters["Identifier"]),
            Is.EqualTo((true, "DescribeProcess", "HelloPy,Calculate,ogc.tests.Echo")));
    }

    [Test]
    public void The_unwrapped_operation_element_is_kept()
    {
        var xml = $"""
            <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>{GetCapabilities20}</soap:Body></soap:Envelope>
            """;

        Assert.That((Read(xml).Parameters["request"], Read(xml).IsSoap), Is.EqualTo(("GetCapabilities", true)));
    }

    [Test]
    public void Malformed_xml_is_a_WpsException()
    {
        var error = Assert.Throws<WpsException>(() => Read("<wps:Execute xmlns:wps=\"x\"><unclosed></wps:Execute>"));

        Assert.That(error!.Errors.Single().Code, Is.EqualTo("InvalidParameterValue"));
    }

    [Test]
    public void An_undeclared_prefix_is_a_WpsException()
    {
        Assert.Throws<WpsException>(() => Read("<wps:GetCapabilities service=\"WPS\"/>"));
    }

    [Test]
    public void A_doctype_is_refused()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE GetCapabilities [ <!ENTITY x "expanded"> ]>
            <GetCapabilities service="WPS" language="&x;"/>
            """;

        Assert.Throws<WpsException>(() => Read(xml));
    }

    [Test]
    public void Entity_expansion_bombs_are_refused()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            ]>
            <GetCapabilities service="WPS">&lol3;</GetCapabilities>
            """;

        Assert.Throws<WpsException>(() => Read(xml));
    }

    [Test]
    public void An_external_entity_is_refused()
    {
        using var directory = new TempDirectory();
        var secret = directory.Write("secret.txt", "MARKER-7f3c1e");
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE DescribeProcess [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
            <DescribeProcess service="WPS" version="1.0.0"><Identifier>&xxe;</Identifier></DescribeProcess>
            """;

        Assert.Throws<WpsException>(() => Read(xml));
    }

    [Test]
    public void An_external_entity_never_shows_the_file_content()
    {
        using var directory = new TempDirectory();
        var secret = directory.Write("secret.txt", "MARKER-7f3c1e");
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE DescribeProcess [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
            <DescribeProcess service="WPS" version="1.0.0"><Identifier>&xxe;</Identifier></DescribeProcess>
            """;

        string seen;
        try
        {
            var request = Read(xml);
            seen = string.Join("\n", request.Parameters.Select(p => p.Value));
        }
        catch (WpsException e)
        {
            seen = string.Join("\n", e.Errors.Select(x => $"{x.Code} {x.Locator} {x.Text}")) + e.Message;
        }

        Assert.That(seen, Does.Not.Contain("MARKER-7f3c1e"));
    }

    [Test]
    public void An_external_parameter_entity_never_shows_the_file_content()
    {
        using var directory = new TempDirectory();
        var secret = directory.Write("secret.txt", "MARKER-b81d22");
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE GetCapabilities [ <!ENTITY % p SYSTEM "file://{secret}"> %p; ]>
            <GetCapabilities service="WPS"/>
            """;

        var error = Assert.Throws<WpsException>(() => Read(xml));

        Assert.That(string.Join("\n", error!.Errors.Select(x => x.Text)), Does.Not.Contain("MARKER-b81d22"));
    }

    [Test]
    public void A_byte_order_mark_is_accepted()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(GetCapabilities10)).ToArray();

        Assert.That(XmlRequestReader.Read(body, Limits.Defaults).Parameters["request"], Is.EqualTo("GetCapabilities"));
    }
}
