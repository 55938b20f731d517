using System.Text;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Data;
using Zoo.Core.Execution;
using Zoo.Core.Tests.TestSupport;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Requests.Execute;

namespace Zoo.Core.Tests.Wps.Requests.Execute;

public class XmlExecuteReaderTests
{
    private const string Usid = "f81d4fae-7dec-11d0-a765-00a0c91e6bf6";

    /// <summary>A service with a complex input (JSON by default, XML, base64 XML, text), a literal, a bounding box and nested inputs.</summary>
    private const string Zcfg = """
        [Copy]
         Title = Copy
         serviceType = Python
         serviceProvider = copy
         <DataInputs>
          [InputVector]
           minOccurs = 1
           maxOccurs = 2
           maximumMegabytes = 0.5
           <ComplexData>
            <Default>
             mimeType = application/json
             encoding = UTF-8
            </Default>
            <Supported>
             mimeType = text/xml
             encoding = UTF-8
            </Supported>
            <Supported>
             mimeType = text/xml
             encoding = base64
            </Supported>
            <Supported>
             mimeType = text/plain
            </Supported>
           </ComplexData>
          [Count]
           minOccurs = 0
           maxOccurs = 1
           <LiteralData>
            dataType = integer
            <Default />
           </LiteralData>
          [Area]
           minOccurs = 0
           <BoundingBoxData>
            <Default>
             CRS = EPSG:4326
            </Default>
           </BoundingBoxData>
          [options]
           <DataInputs>
            [document]
             <ComplexData>
              <Default>
               mimeType = text/xml
              </Default>
             </ComplexData>
            [level]
             <LiteralData>
              dataType = integer
              <Default />
             </LiteralData>
           </DataInputs>
         </DataInputs>
         <DataOutputs>
          [Result]
           <ComplexData>
            <Default>
             mimeType = application/json
            </Default>
           </ComplexData>
         </DataOutputs>
        """;

    private static readonly DeclaredInputs Declared = DeclaredInputs.Of(ZcfgParser.Parse(Zcfg));

    private TempDirectory _tmp = null!;

    [SetUp]
    public void CreateTmpPath() => _tmp = new TempDirectory();

    [TearDown]
    public void RemoveTmpPath() => _tmp.Dispose();

    private ExecuteRequest Read(WpsVersion version, string xml, Limits? limits = null) =>
        XmlExecuteReader.Read(Encoding.UTF8.GetBytes(xml), version, "Copy", Declared.Find,
            new InputFiles(_tmp.Path, Usid, limits ?? Limits.Defaults));

    private ExecuteRequest Read10(string inputs, string responseForm = "", Limits? limits = null) =>
        Read(WpsVersion.V100, Execute10(inputs, responseForm), limits);

    private ExecuteRequest Read20(string content, string attributes = "", Limits? limits = null) =>
        Read(WpsVersion.V200, Execute20(content, attributes), limits);

    private static string Execute10(string inputs, string responseForm = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <wps:Execute service="WPS" version="1.0.0" xmlns:wps="http://www.opengis.net/wps/1.0.0"
            xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:xlink="http://www.w3.org/1999/xlink"
            xmlns:gml="http://www.opengis.net/gml">
          <ows:Identifier>Copy</ows:Identifier>
          <wps:DataInputs>
        {inputs}
          </wps:DataInputs>
        {responseForm}
        </wps:Execute>
        """;

    private static string Execute20(string content, string attributes = "") => $"""
        <wps:Execute xmlns:wps="http://www.opengis.net/wps/2.0" xmlns:ows="http://www.opengis.net/ows/2.0"
            xmlns:xlink="http://www.w3.org/1999/xlink" service="WPS" version="2.0.0" {attributes}>
          <ows:Identifier>Copy</ows:Identifier>
        {content}
        </wps:Execute>
        """;

    private static string Complex10(string name, string attributes, string content) => $"""
        <wps:Input>
          <ows:Identifier>{name}</ows:Identifier>
          <wps:Data><wps:ComplexData {attributes}>{content}</wps:ComplexData></wps:Data>
        </wps:Input>
        """;

    private string InputFile(string name, int index, string extension) =>
        Path.Combine(_tmp.Path, $"Input_{name}_{Usid}_{index}.{extension}");

    private string[] FilesInTmpPath() => Directory.GetFileSystemEntries(_tmp.Path).Select(Path.GetFileName).ToArray()!;

    // ---- literal and bounding box

    [Test]
    public void A_1_0_0_literal_is_read_with_its_value()
    {
        var request = Read10("""
            <wps:Input><ows:Identifier>Count</ows:Identifier><wps:Data><wps:LiteralData>5</wps:LiteralData></wps:Data></wps:Input>
            """);

        Assert.That(request.Inputs.Select(i => (i.Name, i.Value)), Is.EqualTo(new[] { ("Count", "5") }));
    }

    [Test]
    public void A_1_0_0_literal_keeps_its_data_type_and_unit()
    {
        var input = Read10("""
            <wps:Input><ows:Identifier>Count</ows:Identifier>
              <wps:Data><wps:LiteralData dataType="integer" uom="meter">5</wps:LiteralData></wps:Data></wps:Input>
            """).Inputs.Single();

        Assert.That(input.Attributes.Select(a => (a.Key, a.Value)), Is.EqualTo(new[] { ("dataType", "integer"), ("uom", "meter") }));
    }

    [Test]
    public void The_identifier_of_a_1_0_0_input_is_trimmed()
    {
        var input = Read10("""
            <wps:Input><ows:Identifier> Count </ows:Identifier><wps:Data><wps:LiteralData>5</wps:LiteralData></wps:Data></wps:Input>
            """).Inputs.Single();

        Assert.That(input.Name, Is.EqualTo("Count"));
    }

    [Test]
    public void A_1_0_0_bounding_box_is_read()
    {
        var input = Read10("""
            <wps:Input><ows:Identifier>Area</ows:Identifier><wps:Data>
              <wps:BoundingBoxData crs="EPSG:4326" dimensions="2">
                <ows:LowerCorner> 1 2 </ows:LowerCorner>
                <ows:UpperCorner>3 4</ows:UpperCorner>
              </wps:BoundingBoxData>
            </wps:Data></wps:Input>
            """).Inputs.Single();

        Assert.That(input.BoundingBox, Is.EqualTo(new BoundingBoxValue("EPSG:4326", "2", "1 2", "3 4")));
    }

    [Test]
    public void A_2_0_0_literal_value_is_read()
    {
        var request = Read20("""
            <wps:Input id="Count"><wps:Data><wps:LiteralValue dataType="integer">7</wps:LiteralValue></wps:Data></wps:Input>
            """);

        Assert.That(request.Inputs.Select(i => (i.Name, i.Value)), Is.EqualTo(new[] { ("Count", "7") }));
    }

    [Test]
    public void A_2_0_0_literal_value_keeps_its_data_type()
    {
        var input = Read20("""
            <wps:Input id="Count"><wps:Data><wps:LiteralValue dataType="integer">7</wps:LiteralValue></wps:Data></wps:Input>
            """).Inputs.Single();

        Assert.That(input.Attributes["dataType"], Is.EqualTo("integer"));
    }

    [Test]
    public void A_2_0_0_literal_given_as_the_text_of_Data_is_read()
    {
        var request = Read20("""<wps:Input id="Count"><wps:Data>7</wps:Data></wps:Input>""");

        Assert.That(request.Inputs.Single().Value, Is.EqualTo("7"));
    }

    [Test]
    public void A_2_0_0_bounding_box_is_read()
    {
        var input = Read20("""
            <wps:Input id="Area"><wps:Data>
              <ows:BoundingBox crs="EPSG:3857" dimensions="2">
                <ows:LowerCorner>10 20</ows:LowerCorner>
                <ows:UpperCorner>30 40</ows:UpperCorner>
              </ows:BoundingBox>
            </wps:Data></wps:Input>
            """).Inputs.Single();

        Assert.That(input.BoundingBox, Is.EqualTo(new BoundingBoxValue("EPSG:3857", "2", "10 20", "30 40")));
    }

    // ---- references

    private const string PostReference10 = """
        <wps:Input>
          <ows:Identifier>InputVector</ows:Identifier>
          <wps:Reference xlink:href="http://data.example.org/wfs" method="post" mimeType="text/xml">
            <wps:Header key="Accept" value="text/xml"/>
            <wps:Header key="X-Token" value="abc"/>
            <wps:Body><wfs:GetFeature xmlns:wfs="http://www.opengis.net/wfs" service="WFS"><wfs:Query typeName="states"></wfs:Query></wfs:GetFeature></wps:Body>
          </wps:Reference>
        </wps:Input>
        """;

    [Test]
    public void A_1_0_0_reference_keeps_its_href()
    {
        var input = Read10("""
            <wps:Input><ows:Identifier>InputVector</ows:Identifier><wps:Reference xlink:href="http://data.example.org/a.json"/></wps:Input>
            """).Inputs.Single();

        Assert.That(input.Reference, Is.EqualTo(InputReference.Get("http://data.example.org/a.json")).Using<InputReference>(SameReference));
    }

    [Test]
    public void A_reference_keeps_its_format_attributes()
    {
        var input = Read10(PostReference10).Inputs.Single();

        Assert.That(input.Attributes.Select(a => (a.Key, a.Value)), Is.EqualTo(new[] { ("mimeType", "text/xml") }));
    }

    [Test]
    public void The_method_of_a_reference_is_upper_cased()
    {
        Assert.That(Read10(PostReference10).Inputs.Single().Reference!.Method, Is.EqualTo("POST"));
    }

    [Test]
    public void The_headers_of_a_reference_are_kept_in_order()
    {
        var headers = Read10(PostReference10).Inputs.Single().Reference!.Headers;

        Assert.That(headers.Select(h => (h.Key, h.Value)), Is.EqualTo(new[] { ("Accept", "text/xml"), ("X-Token", "abc") }));
    }

    [Test]
    public void The_body_of_a_reference_is_its_xml_as_sent()
    {
        Assert.That(Read10(PostReference10).Inputs.Single().Reference!.Body, Is.EqualTo(
            """<wfs:GetFeature xmlns:wfs="http://www.opengis.net/wfs" service="WFS"><wfs:Query typeName="states"></wfs:Query></wfs:GetFeature>"""));
    }

    [Test]
    public void A_text_body_is_kept_as_text()
    {
        var input = Read10("""
            <wps:Input><ows:Identifier>InputVector</ows:Identifier>
              <wps:Reference xlink:href="http://data.example.org/wps"><wps:Body>a=1&amp;b=2</wps:Body></wps:Reference></wps:Input>
            """).Inputs.Single();

        Assert.That(input.Reference!.Body, Is.EqualTo("a=1&b=2"));
    }

    [Test]
    public void A_reference_with_a_body_and_no_method_is_a_POST()
    {
        var input = Read10("""
            <wps:Input><ows:Identifier>InputVector</ows:Identifier>
              <wps:Reference xlink:href="http://data.example.org/wps"><wps:Body>a=1</wps:Body></wps:Reference></wps:Input>
            """).Inputs.Single();

        Assert.That(input.Reference!.Method, Is.EqualTo("POST"));
    }

    [Test]
    public void A_body_reference_is_kept()
    {
        var input = Read10("""
            <wps:Input><ows:Identifier>InputVector</ows:Identifier>
              <wps:Reference xlink:href="http://data.example.org/wps"><wps:BodyReference xlink:href="http://data.example.org/body.xml"/></wps:Reference></wps:Input>
            """).Inputs.Single();

        Assert.That((input.Reference!.Method, input.Reference.BodyReference), Is.EqualTo(("POST", "http://data.example.org/body.xml")));
    }

    [Test]
    public void A_2_0_0_reference_takes_its_href_from_xlink()
    {
        var input = Read20("""
            <wps:Input id="InputVector"><wps:Reference xlink:href="http://data.example.org/a.xml" mimeType="text/xml"/></wps:Input>
            """).Inputs.Single();

        Assert.That(input.Reference!.Href, Is.EqualTo("http://data.example.org/a.xml"));
    }

    [Test]
    public void A_reference_writes_no_file()
    {
        Read10(PostReference10);

        Assert.That(FilesInTmpPath(), Is.Empty);
    }

    private static string ReferenceWithBody(string bodyContent) => $"""
        <wps:Input><ows:Identifier>InputVector</ows:Identifier>
          <wps:Reference xlink:href="http://data.example.org/wps" method="POST"><wps:Body>{bodyContent}</wps:Body></wps:Reference>
        </wps:Input>
        """;

    [Test]
    public void A_body_longer_than_the_token_limit_is_refused_as_too_large()
    {
        var limits = Limits.Defaults with { MaxXmlTokenBytes = 1024 };

        var error = Assert.Throws<WpsException>(() => Read10(ReferenceWithBody($"<q>{new string('x', 4096)}</q>"), limits: limits));

        Assert.That((error!.Errors[0].Code, error.HttpStatus), Is.EqualTo(("FileSizeExceeded", "413 Request Entity Too Large")));
    }

    [Test]
    public void A_body_longer_than_the_token_limit_is_refused_before_it_is_held_whole()
    {
        // An inline Body is held in memory: it must be refused as soon as it passes the limit, not once copied whole.
        var limits = Limits.Defaults with { MaxXmlTokenBytes = 1024 };
        var body = Encoding.UTF8.GetBytes(Execute10(ReferenceWithBody($"<q>{new string('x', 4 * 1024 * 1024)}</q>")));
        var files = new InputFiles(_tmp.Path, Usid, limits);
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.Throws<WpsException>(() => XmlExecuteReader.Read(body, WpsVersion.V100, "Copy", Declared.Find, files));

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(2 * 1024 * 1024));
    }

    private static bool SameReference(InputReference a, InputReference b) =>
        a.Href == b.Href && a.Method == b.Method && a.Headers.SequenceEqual(b.Headers) && a.Body == b.Body && a.BodyReference == b.BodyReference;

    // ---- complex data by value

    private const string Point = """<gml:Point xmlns:gml="http://www.opengis.net/gml" srsName="EPSG:4326">""" + "\n"
        + """      <gml:pos>1 2</gml:pos>""" + "\n"
        + """    </gml:Point>""";

    [Test]
    public void Inline_xml_is_written_to_the_input_file_exactly_as_sent()
    {
        Read10(Complex10("InputVector", "mimeType=\"text/xml\"", Point));

        Assert.That(File.ReadAllText(InputFile("InputVector", 0, "xml")), Is.EqualTo(Point));
    }

    [Test]
    public void The_blanks_around_inline_xml_are_not_part_of_it()
    {
        Read10(Complex10("InputVector", "mimeType=\"text/xml\"", "\n      " + Point + "\n    "));

        Assert.That(File.ReadAllText(InputFile("InputVector", 0, "xml")), Is.EqualTo(Point));
    }

    [Test]
    public void Inline_xml_gets_the_namespace_declarations_its_ancestors_made()
    {
        Read10(Complex10("InputVector", "mimeType=\"text/xml\"", "<gml:Point><gml:pos>1 2</gml:pos></gml:Point>"));

        Assert.That(File.ReadAllText(InputFile("InputVector", 0, "xml")),
            Is.EqualTo("""<gml:Point xmlns:gml="http://www.opengis.net/gml"><gml:pos>1 2</gml:pos></gml:Point>"""));
    }

    [Test]
    public void An_input_value_points_to_its_input_file()
    {
        var input = Read10(Complex10("InputVector", "mimeType=\"text/xml\"", Point)).Inputs.Single();

        Assert.That(input.Data, Is.EqualTo(new InlineData(InputFile("InputVector", 0, "xml"), Encoding.UTF8.GetByteCount(Point), IsXml: true)));
    }

    [Test]
    public void The_file_extension_comes_from_the_default_mime_type_when_the_request_names_none()
    {
        Read10(Complex10("InputVector", "", """{"type":"Point"}"""));

        Assert.That(File.ReadAllText(InputFile("InputVector", 0, "json")), Is.EqualTo("""{"type":"Point"}"""));
    }

    [Test]
    public void Cdata_is_written_as_its_text()
    {
        Read10(Complex10("InputVector", "mimeType=\"application/json\"", """<![CDATA[{"a":"<b> & c"}]]>"""));

        Assert.That(File.ReadAllText(InputFile("InputVector", 0, "json")), Is.EqualTo("""{"a":"<b> & c"}"""));
    }

    [Test]
    public void Text_is_written_as_utf_8()
    {
        Read10(Complex10("InputVector", "mimeType=\"text/plain\"", "café € &lt;"));

        Assert.That(File.ReadAllBytes(InputFile("InputVector", 0, "txt")), Is.EqualTo(new byte[]
        {
            (byte)'c', (byte)'a', (byte)'f', 0xC3, 0xA9, (byte)' ', 0xE2, 0x82, 0xAC, (byte)' ', (byte)'<',
        }));
    }

    [Test]
    public void Text_is_not_marked_as_xml()
    {
        var input = Read10(Complex10("InputVector", "mimeType=\"text/plain\"", "hello")).Inputs.Single();

        Assert.That(input.Data!.IsXml, Is.False);
    }

    [Test]
    public void Base64_text_with_line_breaks_is_decoded()
    {
        Read10(Complex10("InputVector", "mimeType=\"text/xml\" encoding=\"base64\"", "\n  aGVs\n  bG8g\r\n  d29y\n  bGQ=\n"));

        Assert.That(File.ReadAllText(InputFile("InputVector", 0, "xml")), Is.EqualTo("hello world"));
    }

    [Test]
    public void Base64_data_is_sized_by_its_decoded_bytes()
    {
        var input = Read10(Complex10("InputVector", "mimeType=\"text/xml\" encoding=\"base64\"", "aGVsbG8gd29ybGQ=")).Inputs.Single();

        Assert.That(input.Data!.Size, Is.EqualTo(11));
    }

    [Test]
    public void Text_that_is_not_base64_is_refused()
    {
        var error = Assert.Throws<WpsException>(() =>
            Read10(Complex10("InputVector", "mimeType=\"text/xml\" encoding=\"base64\"", "not*base64")));

        Assert.That((error!.Errors[0].Code, error.Errors[0].Locator), Is.EqualTo(("InvalidParameterValue", "InputVector")));
    }

    [Test]
    public void Data_over_the_declared_maximumMegabytes_is_FileSizeExceeded_with_ZOOs_text_and_the_size_read_so_far()
    {
        // maximumMegabytes = 0.5; one MiB of text is sent, and reading stops just past the limit.
        var error = Assert.Throws<WpsException>(() =>
            Read10(Complex10("InputVector", "mimeType=\"text/plain\"", new string('x', 1024 * 1024))));

        Assert.That((error!.Errors[0].Code, error.Errors[0].Locator), Is.EqualTo(("FileSizeExceeded", "InputVector")));
        Assert.That(error.Errors[0].Text, Does.Match(
            @"^The <InputVector> parameter has a size limit \(0\.5 MB\) defined in the ZOO ServicesProvider configuration file, but the reference you provided exceeds this limit \(more than 0\.5\d{5} MB\)\.$"));
    }

    [Test]
    public void Data_over_its_limit_leaves_no_file_behind()
    {
        Assert.Throws<WpsException>(() => Read10(Complex10("InputVector", "mimeType=\"text/plain\"", new string('x', 1024 * 1024))));

        Assert.That(FilesInTmpPath(), Is.Empty);
    }

    [Test]
    public void Data_exactly_at_its_limit_is_accepted()
    {
        var input = Read10(Complex10("InputVector", "mimeType=\"text/plain\"", new string('x', 512 * 1024))).Inputs.Single();

        Assert.That(input.Data!.Size, Is.EqualTo(512 * 1024));
    }

    [Test]
    public void An_undeclared_complex_input_writes_no_file()
    {
        Read10(Complex10("Unknown", "mimeType=\"text/xml\"", Point));

        Assert.That(FilesInTmpPath(), Is.Empty);
    }

    [Test]
    public void An_undeclared_complex_input_is_still_listed_for_the_checks_to_refuse()
    {
        var input = Read10(Complex10("Unknown", "mimeType=\"text/xml\"", Point)).Inputs.Single();

        Assert.That((input.Name, input.Data), Is.EqualTo(("Unknown", (InlineData?)null)));
    }

    [Test]
    public void Two_values_of_one_input_are_numbered_from_0()
    {
        Read10(Complex10("InputVector", "mimeType=\"text/plain\"", "first") + Complex10("InputVector", "mimeType=\"text/plain\"", "second"));

        Assert.That((File.ReadAllText(InputFile("InputVector", 0, "txt")), File.ReadAllText(InputFile("InputVector", 1, "txt"))),
            Is.EqualTo(("first", "second")));
    }

    [Test]
    public void An_input_named_in_another_case_is_written_under_its_declared_name()
    {
        Read10(Complex10("inputvector", "mimeType=\"text/plain\"", "hello"));

        Assert.That(File.ReadAllText(InputFile("InputVector", 0, "txt")), Is.EqualTo("hello"));
    }

    [Test]
    public void The_input_file_is_the_only_file_left_in_tmpPath()
    {
        Read10(Complex10("InputVector", "mimeType=\"text/plain\"", "hello"));

        Assert.That(FilesInTmpPath(), Is.EqualTo(new[] { $"Input_InputVector_{Usid}_0.txt" }));
    }

    [Test]
    public void A_2_0_0_complex_input_is_written_from_its_Data()
    {
        Read20("""<wps:Input id="InputVector"><wps:Data mimeType="text/xml"><gml:pos xmlns:gml="http://www.opengis.net/gml">1 2</gml:pos></wps:Data></wps:Input>""");

        Assert.That(File.ReadAllText(InputFile("InputVector", 0, "xml")),
            Is.EqualTo("""<gml:pos xmlns:gml="http://www.opengis.net/gml">1 2</gml:pos>"""));
    }

    [Test]
    public void A_2_0_0_nested_input_is_named_parent_dot_child()
    {
        var request = Read20("""
            <wps:Input id="options">
              <wps:Input id="level"><wps:Data><wps:LiteralValue>3</wps:LiteralValue></wps:Data></wps:Input>
            </wps:Input>
            """);

        Assert.That(request.Inputs.Select(i => (i.Name, i.Value)), Is.EqualTo(new[] { ("options.level", "3") }));
    }

    [Test]
    public void A_2_0_0_nested_complex_input_is_written_under_its_full_name()
    {
        Read20("""
            <wps:Input id="options">
              <wps:Input id="document"><wps:Data mimeType="text/xml"><a>1</a></wps:Data></wps:Input>
            </wps:Input>
            """);

        Assert.That(File.ReadAllText(InputFile("options.document", 0, "xml")), Is.EqualTo("<a>1</a>"));
    }

    // ---- structure and limits

    [Test]
    public void An_Input_whose_Data_comes_before_its_Identifier_is_refused()
    {
        var error = Assert.Throws<WpsException>(() => Read10("""
            <wps:Input><wps:Data><wps:LiteralData>5</wps:LiteralData></wps:Data><ows:Identifier>Count</ows:Identifier></wps:Input>
            """));

        Assert.That((error!.Errors[0].Code, error.Errors[0].Locator), Is.EqualTo(("InvalidParameterValue", "request")));
    }

    [Test]
    public void An_Input_whose_Reference_comes_before_its_Identifier_is_refused()
    {
        Assert.Throws<WpsException>(() => Read10("""
            <wps:Input><wps:Reference xlink:href="http://data.example.org/a"/><ows:Identifier>InputVector</ows:Identifier></wps:Input>
            """));
    }

    [Test]
    public void Nesting_deeper_than_the_limit_is_refused_at_request()
    {
        var limits = Limits.Defaults with { MaxXmlDepth = 12 };
        var deep = string.Concat(Enumerable.Repeat("<a>", 20)) + string.Concat(Enumerable.Repeat("</a>", 20));

        var error = Assert.Throws<WpsException>(() => Read10(Complex10("InputVector", "mimeType=\"text/xml\"", deep), limits: limits));

        Assert.That((error!.Errors[0].Code, error.Errors[0].Locator), Is.EqualTo(("InvalidParameterValue", "request")));
    }

    [Test]
    public void Nesting_deeper_than_the_limit_leaves_no_file_behind()
    {
        var limits = Limits.Defaults with { MaxXmlDepth = 12 };
        var deep = string.Concat(Enumerable.Repeat("<a>", 20)) + string.Concat(Enumerable.Repeat("</a>", 20));

        Assert.Throws<WpsException>(() => Read10(Complex10("InputVector", "mimeType=\"text/xml\"", deep), limits: limits));

        Assert.That(FilesInTmpPath(), Is.Empty);
    }

    [Test]
    public void More_input_values_than_the_limit_are_refused_at_DataInputs()
    {
        var limits = Limits.Defaults with { MaxInputs = 1 };
        const string count = "<wps:Input><ows:Identifier>Count</ows:Identifier><wps:Data><wps:LiteralData>5</wps:LiteralData></wps:Data></wps:Input>";

        var error = Assert.Throws<WpsException>(() => Read10(count + count, limits: limits));

        Assert.That((error!.Errors[0].Code, error.Errors[0].Locator), Is.EqualTo(("InvalidParameterValue", "DataInputs")));
    }

    [Test]
    public void A_literal_longer_than_the_token_limit_is_refused()
    {
        var limits = Limits.Defaults with { MaxXmlTokenBytes = 1024 };
        var count = $"<wps:Input><ows:Identifier>Count</ows:Identifier><wps:Data><wps:LiteralData>{new string('1', 2000)}</wps:LiteralData></wps:Data></wps:Input>";

        Assert.Throws<WpsException>(() => Read10(count, limits: limits));
    }

    // ---- outputs and response form

    [Test]
    public void The_outputs_of_a_1_0_0_ResponseDocument_are_read_with_their_attributes()
    {
        var request = Read10("", """
            <wps:ResponseForm>
              <wps:ResponseDocument storeExecuteResponse="true" status="true" lineage="true">
                <wps:Output asReference="true" mimeType="application/json"><ows:Identifier>Result</ows:Identifier></wps:Output>
              </wps:ResponseDocument>
            </wps:ResponseForm>
            """);

        Assert.That(request.Outputs.Select(o => (o.Name, o.Attributes["asReference"], o.Attributes["mimeType"])),
            Is.EqualTo(new[] { ("Result", "true", "application/json") }));
    }

    [Test]
    public void A_1_0_0_ResponseDocument_with_status_runs_asynchronously()
    {
        var request = Read10("", """
            <wps:ResponseForm><wps:ResponseDocument storeExecuteResponse="true" status="true" lineage="true"/></wps:ResponseForm>
            """);

        Assert.That((request.StoreExecuteResponse, request.Status, request.Lineage, request.Mode),
            Is.EqualTo((true, true, true, ExecutionMode.Async)));
    }

    [Test]
    public void A_1_0_0_RawDataOutput_answers_raw()
    {
        var request = Read10("", """
            <wps:ResponseForm><wps:RawDataOutput mimeType="application/json"><ows:Identifier>Result</ows:Identifier></wps:RawDataOutput></wps:ResponseForm>
            """);

        Assert.That((request.Response, request.Outputs.Single().Name), Is.EqualTo((ResponseKind.Raw, "Result")));
    }

    [Test]
    public void More_outputs_than_the_limit_are_refused()
    {
        var limits = Limits.Defaults with { MaxOutputs = 1 };

        var error = Assert.Throws<WpsException>(() => Read10("", """
            <wps:ResponseForm><wps:ResponseDocument>
              <wps:Output><ows:Identifier>A</ows:Identifier></wps:Output>
              <wps:Output><ows:Identifier>B</ows:Identifier></wps:Output>
            </wps:ResponseDocument></wps:ResponseForm>
            """, limits));

        Assert.That((error!.Errors[0].Code, error.Errors[0].Locator), Is.EqualTo(("InvalidParameterValue", "ResponseDocument")));
    }

    [Test]
    public void Inner_outputs_nested_in_a_2_0_0_output_are_asked_for_by_their_dotted_names()
    {
        var outputs = Read20("""
            <wps:Output id="out"><wps:Output id="wms_link" transmission="reference"/><wps:Output id="download_link"/></wps:Output>
            """).Outputs;

        Assert.That(outputs.Select(o => o.Name), Is.EqualTo(new[] { "out.wms_link", "out.download_link" }));
    }

    [Test]
    public void A_2_0_0_output_is_read_with_its_transmission()
    {
        var output = Read20("""<wps:Output id="Result" transmission="reference" mimeType="application/json"/>""").Outputs.Single();

        Assert.That((output.Name, output.AsReference, output.Attributes["mimeType"]), Is.EqualTo(("Result", true, "application/json")));
    }

    [Test]
    public void The_2_0_0_mode_async_runs_asynchronously()
    {
        Assert.That(Read20("", "mode=\"async\" response=\"document\"").Mode, Is.EqualTo(ExecutionMode.Async));
    }

    [Test]
    public void The_2_0_0_response_raw_answers_raw()
    {
        Assert.That(Read20("", "mode=\"sync\" response=\"raw\"").Response, Is.EqualTo(ResponseKind.Raw));
    }
}
