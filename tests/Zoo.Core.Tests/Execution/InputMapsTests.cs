using System.Text;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Data;
using Zoo.Core.Execution;
using Zoo.Core.Processes;
using Zoo.Core.Tests.TestSupport;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Requests.Execute;

namespace Zoo.Core.Tests.Execution;

public class InputMapsTests
{
    private const string Usid = "0b8f7c5a-1d2e-11ef-9a3b-0242ac120002";

    private static readonly ProcessDescription Process = ZcfgParser.Parse("""
        [S]
         <DataInputs>
          [doc]
           minOccurs = 0
           maxOccurs = 3
           maximumMegabytes = 0.001
           useMapserver = true
           <ComplexData>
            <Default>
             mimeType = application/json
             encoding = UTF-8
            </Default>
            <Supported>
             mimeType = text/xml
             encoding = UTF-8
             schema = http://schemas.opengis.net/gml/3.1.1/base/feature.xsd
             extension = gml
            </Supported>
            <Supported>
             mimeType = image/tiff
             encoding = base64
            </Supported>
           </ComplexData>
          [count]
           minOccurs = 0
           maxOccurs = 1
           <LiteralData>
            dataType = integer
            AllowedValues = 1,2,3
            <Default>
             uom = meter
            </Default>
            <Supported>
             uom = feet
            </Supported>
           </LiteralData>
          [label]
           minOccurs = 0
           <LiteralData>
            dataType = string
            <Default>
             value = none
            </Default>
           </LiteralData>
          [area]
           minOccurs = 0
           <BoundingBoxData>
            <Default>
             CRS = EPSG:4326
            </Default>
           </BoundingBoxData>
          [unused]
           minOccurs = 0
           <LiteralData>
            dataType = string
            <Default />
           </LiteralData>
         </DataInputs>
        """);

    private static readonly IReadOnlyDictionary<InputValue, FetchedInput> NothingFetched = new Dictionary<InputValue, FetchedInput>();

    private TempDirectory _tmp = null!;

    [SetUp]
    public void CreateTmpPath() => _tmp = new TempDirectory();

    [TearDown]
    public void RemoveTmpPath() => _tmp.Dispose();

    private InputMaps Maps(bool memoryLoad = false) =>
        new(new InputFiles(_tmp.Path, Usid, Limits.Defaults), memoryLoad,
            new OutputStore(_tmp.Path, "http://localhost/temp/", "http://localhost/cgi-bin/zoo_loader.cgi"));

    private ZooMaps Build(params InputValue[] values) => Maps().Build(Process, values, NothingFetched);

    private ZooMaps Build(IReadOnlyDictionary<InputValue, FetchedInput> fetched, params InputValue[] values) =>
        Maps().Build(Process, values, fetched);

    private static ConfigValues Attributes(params (string Key, string Value)[] attributes) =>
        new(attributes.Select(a => KeyValuePair.Create(a.Key, a.Value)));

    private string InputFile(string name, int index, string extension) =>
        Path.Combine(_tmp.Path, $"Input_{name}_{Usid}_{index}.{extension}");

    /// <summary>Complex data as the XML reader leaves it: already in its input file.</summary>
    private InputValue Inline(string content, params (string Key, string Value)[] attributes)
    {
        var path = _tmp.Write($"Input_doc_{Usid}_0.gml", content);
        return new InputValue("doc", Attributes(attributes), Data: new InlineData(path, Encoding.UTF8.GetByteCount(content), IsXml: true));
    }

    private static InputValue Reference(string href, params (string Key, string Value)[] attributes) =>
        new("doc", Attributes(attributes), Reference: InputReference.Get(href));

    private static FetchedInput Fetched(string path, long size, string? mimeType) =>
        new(path, size, mimeType, IsCached: false, CachedMimeType: null, IsCacheEntry: true, FetchedInput.Other);

    private static IReadOnlyList<string> Keys(ZooMap map) => map.Select(p => p.Key).ToList();

    private static IReadOnlyList<MapValue> Items(ZooMap map, string key) => ((ListValue)map[key]!).Items;

    // ---- complex data by value

    [Test]
    public void Inline_data_is_handed_as_its_file()
    {
        var input = Inline("<a/>", ("mimeType", "text/xml"));

        Assert.That(Build(input)["doc"]!["value"], Is.EqualTo(new FileValue(input.Data!.Path)));
    }

    [Test]
    public void Inline_data_has_its_size()
    {
        Assert.That(Build(Inline("<a/>", ("mimeType", "text/xml")))["doc"]!.Text("size"), Is.EqualTo("4"));
    }

    [Test]
    public void Inline_data_is_handed_as_cache_file_cache_url_and_byValue()
    {
        var input = Inline("<a/>", ("mimeType", "text/xml"));

        var map = Build(input)["doc"]!;

        Assert.That((map.Text("cache_file"), map.Text("cache_url"), map.Text("byValue")), Is.EqualTo((
            input.Data!.Path, $"http://localhost/temp/Input_doc_{Usid}_0.gml", "true")));
    }

    [Test]
    public void With_memory_load_inline_data_has_no_cache_file_cache_url_or_byValue()
    {
        var map = Maps(memoryLoad: true).Build(Process, [Inline("<a/>", ("mimeType", "text/xml"))], NothingFetched)["doc"]!;

        Assert.That(Keys(map), Has.None.AnyOf("cache_file", "cache_url", "byValue"));
    }

    [Test]
    public void Inline_data_is_in_the_request()
    {
        Assert.That(Build(Inline("<a/>", ("mimeType", "text/xml")))["doc"]!.Text("inRequest"), Is.EqualTo("true"));
    }

    [Test]
    public void Inline_data_has_the_occurrence_bounds_and_the_keys_ZOO_copies_from_the_declaration()
    {
        var map = Build(Inline("<a/>", ("mimeType", "text/xml")))["doc"]!;

        Assert.That((map.Text("minOccurs"), map.Text("maxOccurs"), map.Text("maximumMegabytes"), map.Text("useMapserver")),
            Is.EqualTo(("0", "3", "0.001", "true")));
    }

    [Test]
    public void The_format_asked_for_is_kept()
    {
        Assert.That(Build(Inline("<a/>", ("mimeType", "text/xml")))["doc"]!.Text("mimeType"), Is.EqualTo("text/xml"));
    }

    [Test]
    public void The_defaults_of_the_matching_supported_block_fill_the_rest()
    {
        var map = Build(Inline("<a/>", ("mimeType", "text/xml")))["doc"]!;

        Assert.That((map.Text("encoding"), map.Text("schema"), map.Text("extension")),
            Is.EqualTo(("UTF-8", "http://schemas.opengis.net/gml/3.1.1/base/feature.xsd", "gml")));
    }

    [Test]
    public void Without_a_format_the_default_block_gives_the_mime_type()
    {
        Assert.That(Build(Inline("{}"))["doc"]!.Text("mimeType"), Is.EqualTo("application/json"));
    }

    [Test]
    public void Base64_data_is_also_handed_as_base64_value()
    {
        var input = Inline("II*", ("mimeType", "image/tiff"), ("encoding", "base64"));

        Assert.That(Build(input)["doc"]!["base64_value"], Is.EqualTo(new FileValue(input.Data!.Path, AsBase64: true)));
    }

    [Test]
    public void Other_data_has_no_base64_value()
    {
        Assert.That(Build(Inline("<a/>", ("mimeType", "text/xml")))["doc"]!.Contains("base64_value"), Is.False);
    }

    [Test]
    public void Complex_text_of_a_key_value_request_is_written_to_its_input_file()
    {
        var map = Build(new InputValue("doc", Attributes(("mimeType", "text/xml")), Value: "<a>1</a>"))["doc"]!;

        Assert.That((map["value"], File.ReadAllText(InputFile("doc", 0, "xml"))),
            Is.EqualTo(((MapValue)new FileValue(InputFile("doc", 0, "xml")), "<a>1</a>")));
    }

    [Test]
    public void Base64_text_of_a_key_value_request_is_decoded_into_its_input_file()
    {
        Build(new InputValue("doc", Attributes(("mimeType", "image/tiff"), ("encoding", "base64")), Value: "aGVsbG8="));

        Assert.That(File.ReadAllText(InputFile("doc", 0, "tiff")), Is.EqualTo("hello"));
    }

    [Test]
    public void Text_that_is_not_base64_is_refused_at_the_input()
    {
        var error = Assert.Throws<WpsException>(() =>
            Build(new InputValue("doc", Attributes(("mimeType", "image/tiff"), ("encoding", "base64")), Value: "not*base64")));

        Assert.That((error!.Errors[0].Code, error.Errors[0].Locator), Is.EqualTo(("InvalidParameterValue", "doc")));
    }

    [Test]
    public void Complex_text_over_the_maximumMegabytes_is_FileSizeExceeded()
    {
        // 0.001 MB is 1048 bytes.
        var error = Assert.Throws<WpsException>(() =>
            Build(new InputValue("doc", Attributes(("mimeType", "text/xml")), Value: new string('x', 2000))));

        Assert.That((error!.Errors[0].Code, error.Errors[0].Locator), Is.EqualTo(("FileSizeExceeded", "doc")));
    }

    // ---- references

    private (ZooMap Map, string Cache) ReferenceMap(string? serverMimeType)
    {
        var cache = _tmp.Write("cache/5d41402abc4b2a76b9719d911017c592.zca", "<a/>");
        var input = Reference("http://data.example.org/a.xml", ("mimeType", "text/xml"));
        var fetched = new Dictionary<InputValue, FetchedInput> { [input] = Fetched(cache, 4, serverMimeType) };
        return (Build(fetched, input)["doc"]!, cache);
    }

    [Test]
    public void A_reference_is_handed_as_its_fetched_file()
    {
        var (map, cache) = ReferenceMap("text/xml");

        Assert.That((map["value"], map.Text("cache_file")), Is.EqualTo(((MapValue)new FileValue(cache), cache)));
    }

    [Test]
    public void A_reference_has_its_url_as_xlink_href_href_and_Reference()
    {
        var (map, _) = ReferenceMap("text/xml");

        Assert.That((map.Text("xlink:href"), map.Text("href"), map.Text("Reference")), Is.EqualTo((
            "http://data.example.org/a.xml", "http://data.example.org/a.xml", "http://data.example.org/a.xml")));
    }

    [Test]
    public void A_reference_has_its_order_origin_and_size()
    {
        var (map, _) = ReferenceMap("text/xml");

        Assert.That((map.Text("Order"), map.Text("origin"), map.Text("size")), Is.EqualTo(("1", "OTHER", "4")));
    }

    [Test]
    public void The_mime_type_of_a_reference_is_the_servers_content_type_verbatim()
    {
        var (map, _) = ReferenceMap("text/xml; subtype=gml/2.1.2");

        Assert.That(map.Text("mimeType"), Is.EqualTo("text/xml; subtype=gml/2.1.2"));
    }

    [Test]
    public void Without_a_content_type_the_mime_type_asked_for_is_kept()
    {
        var (map, _) = ReferenceMap(null);

        Assert.That(map.Text("mimeType"), Is.EqualTo("text/xml"));
    }

    [Test]
    public void A_reference_the_cache_did_not_serve_has_no_isCached_or_fmimeType()
    {
        var (map, _) = ReferenceMap("text/xml");

        Assert.That(Keys(map), Has.None.AnyOf("isCached", "fmimeType"));
    }

    [Test]
    public void A_reference_the_cache_served_has_isCached_and_fmimeType()
    {
        var cache = _tmp.Write("cache/5d41402abc4b2a76b9719d911017c592.zca", "<a/>");
        var input = Reference("http://data.example.org/a.xml");
        var fetched = new Dictionary<InputValue, FetchedInput>
        {
            [input] = new(cache, 4, null, IsCached: true, CachedMimeType: "text/xml", IsCacheEntry: true, FetchedInput.Other),
        };

        var map = Build(fetched, input)["doc"]!;

        Assert.That((map.Text("isCached"), map.Text("fmimeType")), Is.EqualTo(("true", "text/xml")));
    }

    [Test]
    public void References_are_ordered_from_1_among_references_only()
    {
        var first = Reference("http://data.example.org/1.xml");
        var literal = new InputValue("count", ConfigValues.Empty, Value: "2");
        var second = Reference("http://data.example.org/2.xml");
        var fetched = new Dictionary<InputValue, FetchedInput>
        {
            [first] = Fetched(_tmp.Write("1.zca", "1"), 1, null),
            [second] = Fetched(_tmp.Write("2.zca", "2"), 1, null),
        };

        var map = Build(fetched, first, literal, second)["doc"]!;

        Assert.That((map.Text("Order"), map.Text("Order_1")), Is.EqualTo(("1", "2")));
    }

    // ---- literals and bounding boxes

    [Test]
    public void A_literal_has_its_value()
    {
        Assert.That(Build(new InputValue("count", ConfigValues.Empty, Value: "2"))["count"]!.Text("value"), Is.EqualTo("2"));
    }

    [Test]
    public void A_literal_has_its_declared_data_type_and_default_unit()
    {
        var map = Build(new InputValue("count", ConfigValues.Empty, Value: "2"))["count"]!;

        Assert.That((map.Text("dataType"), map.Text("uom")), Is.EqualTo(("integer", "meter")));
    }

    [Test]
    public void A_literal_does_not_hand_its_allowed_values()
    {
        Assert.That(Build(new InputValue("count", ConfigValues.Empty, Value: "2"))["count"]!.Contains("AllowedValues"), Is.False);
    }

    [Test]
    public void A_declared_unit_asked_for_is_kept()
    {
        Assert.That(Build(new InputValue("count", Attributes(("uom", "feet")), Value: "2"))["count"]!.Text("uom"), Is.EqualTo("feet"));
    }

    [Test]
    public void An_undeclared_unit_is_not_kept()
    {
        Assert.That(Build(new InputValue("count", Attributes(("uom", "parsec")), Value: "2"))["count"]!.Text("uom"), Is.EqualTo("meter"));
    }

    [Test]
    public void A_clients_undeclared_data_type_is_dropped()
    {
        Assert.That(Build(new InputValue("count", Attributes(("dataType", "string")), Value: "2"))["count"]!.Text("dataType"),
            Is.EqualTo("integer"));
    }

    [Test]
    public void A_clients_data_type_that_says_the_declared_one_with_a_prefix_is_kept()
    {
        Assert.That(Build(new InputValue("count", Attributes(("dataType", "xs:integer")), Value: "2"))["count"]!.Text("dataType"),
            Is.EqualTo("xs:integer"));
    }

    [Test]
    public void A_bounding_box_has_its_corners_crs_dimensions_and_value()
    {
        var map = Build(new InputValue("area", ConfigValues.Empty, BoundingBox: new BoundingBoxValue("EPSG:4326", "2", "1 2", "3 4")))["area"]!;

        Assert.That((map.Text("lowerCorner"), map.Text("upperCorner"), map.Text("crs"), map.Text("dimensions"), map.Text("value")),
            Is.EqualTo(("1 2", "3 4", "EPSG:4326", "2", "1,2,3,4")));
    }

    [Test]
    public void An_input_left_out_with_a_default_value_gets_it_not_in_the_request()
    {
        var map = Build()["label"]!;

        Assert.That((map.Text("value"), map.Text("inRequest")), Is.EqualTo(("none", "false")));
    }

    [Test]
    public void An_input_left_out_without_a_default_value_has_no_map()
    {
        Assert.That(Build()["unused"], Is.Null);
    }

    // ---- kernel-owned keys

    [TestCase("cache_file")]
    [TestCase("cache_url")]
    [TestCase("byValue")]
    [TestCase("size")]
    [TestCase("isArray")]
    [TestCase("length")]
    [TestCase("isCached")]
    [TestCase("fmimeType")]
    [TestCase("Reference")]
    [TestCase("base64_value")]
    public void A_key_the_kernel_owns_is_never_taken_from_a_literals_attributes(string key)
    {
        var map = Build(new InputValue("count", Attributes((key, "/etc/passwd")), Value: "2"))["count"]!;

        Assert.That(map.Contains(key), Is.False);
    }

    [Test]
    public void InRequest_is_never_taken_from_the_attributes()
    {
        Assert.That(Build(new InputValue("count", Attributes(("inRequest", "false")), Value: "2"))["count"]!.Text("inRequest"),
            Is.EqualTo("true"));
    }

    [Test]
    public void The_cache_file_of_inline_data_is_never_taken_from_the_attributes()
    {
        var input = Inline("<a/>", ("mimeType", "text/xml"), ("cache_file", "/etc/passwd"));

        Assert.That(Build(input)["doc"]!.Text("cache_file"), Is.EqualTo(input.Data!.Path));
    }

    [Test]
    public void The_maximumMegabytes_is_never_taken_from_the_attributes()
    {
        Assert.That(Build(Inline("<a/>", ("mimeType", "text/xml"), ("maximumMegabytes", "100000")))["doc"]!.Text("maximumMegabytes"),
            Is.EqualTo("0.001"));
    }

    // ---- several values

    private ZooMap TwoValues()
    {
        var first = _tmp.Write($"Input_doc_{Usid}_0.gml", "<a/>");
        var second = _tmp.Write($"Input_doc_{Usid}_1.gml", "<bb/>");
        return Build(
            new InputValue("doc", Attributes(("mimeType", "text/xml")), Data: new InlineData(first, 4, true)),
            new InputValue("doc", Attributes(("mimeType", "text/xml")), Data: new InlineData(second, 5, true)))["doc"]!;
    }

    [Test]
    public void Several_values_are_handed_as_a_list_of_values()
    {
        Assert.That(Items(TwoValues(), "value"), Is.EqualTo(new MapValue[]
        {
            new FileValue(Path.Combine(_tmp.Path, $"Input_doc_{Usid}_0.gml")), new FileValue(Path.Combine(_tmp.Path, $"Input_doc_{Usid}_1.gml")),
        }));
    }

    [Test]
    public void Several_values_have_a_list_of_sizes()
    {
        Assert.That(Items(TwoValues(), "size"), Is.EqualTo(new MapValue[] { "4", "5" }));
    }

    [Test]
    public void Several_values_have_a_list_of_cache_files()
    {
        Assert.That(Items(TwoValues(), "cache_file"), Is.EqualTo(new MapValue[]
        {
            Path.Combine(_tmp.Path, $"Input_doc_{Usid}_0.gml"), Path.Combine(_tmp.Path, $"Input_doc_{Usid}_1.gml"),
        }));
    }

    [Test]
    public void Several_values_have_a_list_of_mime_types()
    {
        Assert.That(Items(TwoValues(), "mimeType"), Is.EqualTo(new MapValue[] { "text/xml", "text/xml" }));
    }

    [Test]
    public void Several_values_have_their_length_and_are_an_array()
    {
        var map = TwoValues();

        Assert.That((map.Text("length"), map.Text("isArray")), Is.EqualTo(("2", "true")));
    }

    [Test]
    public void The_other_keys_of_a_later_value_are_numbered()
    {
        var map = TwoValues();

        Assert.That(map.Text("cache_url_1"), Is.EqualTo($"http://localhost/temp/Input_doc_{Usid}_1.gml"));
    }

    [Test]
    public void Several_references_number_their_urls()
    {
        var first = Reference("http://data.example.org/1.xml");
        var second = Reference("http://data.example.org/2.xml");
        var fetched = new Dictionary<InputValue, FetchedInput>
        {
            [first] = Fetched(_tmp.Write("1.zca", "1"), 1, null),
            [second] = Fetched(_tmp.Write("2.zca", "2"), 1, null),
        };

        var map = Build(fetched, first, second)["doc"]!;

        Assert.That((map.Text("Reference"), map.Text("Reference_1"), map.Text("xlink:href_1")),
            Is.EqualTo(("http://data.example.org/1.xml", "http://data.example.org/2.xml", "http://data.example.org/2.xml")));
    }
}
