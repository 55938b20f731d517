using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Execute;

/// <summary>
/// CopyRaster returns its input unchanged: binary bytes (0x00, invalid UTF-8) sent inline in base64 or by
/// reference come back byte-identical as a raw output, as a file stored by reference under tmpPath, and
/// as base64 in the document — in WPS 1.0.0 KVP and XML, and in WPS 2.0.0.
/// </summary>
[TestFixture]
public sealed class BinaryRoundTripTests
{
    public enum Form { Kvp10, Xml10, Xml20 }

    public enum Input { InlineBase64, ByReference }

    public enum Answer { Raw, StoredByReference, InlineInDocument }

    private static readonly XNamespace Wps10 = "http://www.opengis.net/wps/1.0.0";
    private static readonly XNamespace Wps20 = "http://www.opengis.net/wps/2.0";
    private static readonly XNamespace Xlink = "http://www.w3.org/1999/xlink";

    private ServiceDirectory _services = null!;
    private StaticHttpServer _server = null!;
    private byte[] _raster = null!;
    private int _served;

    [OneTimeSetUp]
    public void Start()
    {
        _services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        _server = new StaticHttpServer();
        _raster = Raster(48 * 1024);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _server.Dispose();
        _services.Dispose();
    }

    [Test]
    public void The_payload_is_not_text()
    {
        Assert.That(() => new System.Text.UTF8Encoding(false, true).GetString(_raster), Throws.InstanceOf<System.Text.DecoderFallbackException>());
    }

    [Test, Combinatorial]
    public void The_raster_comes_back_byte_identical(
        [Values] Form form, [Values] Input input, [Values] Answer answer)
    {
        var result = Run(form, input, answer);

        var received = answer switch
        {
            Answer.Raw => result.Body,
            Answer.StoredByReference => File.ReadAllBytes(StoredFile(ReferenceUrl(result, form))),
            _ => Convert.FromBase64String(InlineData(result, form).Value.Trim()),
        };
        Assert.That(received, Is.EqualTo(_raster), () => Describe(result));
    }

    [Test]
    public void A_raw_raster_is_labelled_with_its_mime_type_and_length(
        [Values] Form form)
    {
        var result = Run(form, Input.ByReference, Answer.Raw);

        Assert.That(new[] { result.Status, result.ContentType, result.Header("Content-Length") },
            Is.EqualTo(new[] { "200 OK;", "image/tiff; charset=utf-8", _raster.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            () => Describe(result));
    }

    [Test]
    public void A_stored_output_is_published_under_tmpUrl([Values] Form form)
    {
        var result = Run(form, Input.InlineBase64, Answer.StoredByReference);

        Assert.That(ReferenceUrl(result, form), Does.StartWith(_services.Config("main", "tmpUrl")!), () => Describe(result));
    }

    [Test]
    public void A_stored_output_is_named_as_ZOO_names_it([Values] Form form)
    {
        var result = Run(form, Input.InlineBase64, Answer.StoredByReference);

        Assert.That(Path.GetFileName(new Uri(ReferenceUrl(result, form)).AbsolutePath),
            Does.Match(@"^ZOO_DATA_CopyRaster_Result_[0-9a-fA-F-]+_0\.tif$"), () => Describe(result));
    }

    [Test]
    public void The_reference_is_fetched_from_the_server_with_GET()
    {
        var url = _server.Serve("/data/fetched.tif", "image/tiff", _raster);

        CgiProcess.Post(_services.Path, Xml10("CopyRaster", Reference10("InputRaster", url, "mimeType=\"image/tiff\""), Raw10("Result")));

        Assert.That(_server.Requests, Does.Contain("GET /data/fetched.tif HTTP/1.1"));
    }

    [Test]
    public void A_reference_fetched_before_is_read_from_the_cache()
    {
        var url = _server.Serve("/data/cached.tif", "image/tiff", _raster);
        var request = Xml10("CopyRaster", Reference10("InputRaster", url, "mimeType=\"image/tiff\""), Raw10("Result"));
        CgiProcess.Post(_services.Path, request);

        var again = CgiProcess.Post(_services.Path, request);

        Assert.That(new object[] { _server.Requests.Count(r => r.Contains("/data/cached.tif", StringComparison.Ordinal)), again.Body },
            Is.EqualTo(new object[] { 1, _raster }));
    }

    [Test]
    public void A_reference_the_server_does_not_have_is_reported_with_its_HTTP_code()
    {
        var url = $"http://127.0.0.1:{_server.Port}/data/missing.tif";

        var result = CgiProcess.Post(_services.Path, Xml10("CopyRaster", Reference10("InputRaster", url), Raw10("Result")));

        Assert.That(OwsReport.Text(result), Does.Contain("response code was : 404"), () => Describe(result));
    }

    [Test]
    public void A_document_answer_is_schema_valid(
        [Values] Form form, [Values(Answer.StoredByReference, Answer.InlineInDocument)] Answer answer)
    {
        var result = Run(form, Input.InlineBase64, answer);

        SchemaValidator.AssertValid(result);
    }

    [Test]
    public void Without_ResponseDocument_the_output_is_stored_by_reference_as_its_zcfg_default_says()
    {
        var result = CgiProcess.Post(_services.Path, Xml10("CopyRaster",
            Complex10("InputRaster", "mimeType=\"image/tiff\" encoding=\"base64\"", Convert.ToBase64String(_raster)), ""));

        Assert.That(File.ReadAllBytes(StoredFile(ReferenceUrl(result, Form.Xml10))), Is.EqualTo(_raster), () => Describe(result));
    }

    /// <summary>Runs CopyRaster; a reference gets a URL of its own, so that it is really fetched, not read from the cache.</summary>
    private CgiResult Run(Form form, Input input, Answer answer)
    {
        var base64 = Convert.ToBase64String(_raster);
        var rasterUrl = _server.Serve($"/data/raster-{Interlocked.Increment(ref _served)}.tif", "image/tiff", _raster);
        switch (form)
        {
            case Form.Kvp10:
                var dataInput = input == Input.InlineBase64
                    ? $"InputRaster={Q(base64)}@mimeType=image/tiff@encoding=base64"
                    : $"InputRaster=@xlink:href={Q(rasterUrl)}@mimeType=image/tiff";
                var response = answer switch
                {
                    Answer.Raw => "&RawDataOutput=Result",
                    Answer.StoredByReference => "&ResponseDocument=Result@asReference=true",
                    _ => "&ResponseDocument=Result@asReference=false",
                };
                return CgiProcess.Get(_services.Path, Kvp("CopyRaster", dataInput, response));
            case Form.Xml10:
                var input10 = input == Input.InlineBase64
                    ? Complex10("InputRaster", "mimeType=\"image/tiff\" encoding=\"base64\"", base64)
                    : Reference10("InputRaster", rasterUrl, "mimeType=\"image/tiff\"");
                var form10 = answer switch
                {
                    Answer.Raw => Raw10("Result", "mimeType=\"image/tiff\""),
                    Answer.StoredByReference => Document10("Result", "asReference=\"true\""),
                    _ => Document10("Result", "asReference=\"false\""),
                };
                return CgiProcess.Post(_services.Path, Xml10("CopyRaster", input10, form10));
            default:
                var input20 = input == Input.InlineBase64
                    ? Data20("InputRaster", "mimeType=\"image/tiff\" encoding=\"base64\"", base64)
                    : Reference20("InputRaster", rasterUrl, "mimeType=\"image/tiff\"");
                var output20 = Output20("Result", answer == Answer.StoredByReference ? "reference" : "value");
                return CgiProcess.Post(_services.Path,
                    Xml20("CopyRaster", input20, output20, answer == Answer.Raw ? "raw" : "document"));
        }
    }

    private static string ReferenceUrl(CgiResult result, Form form)
    {
        var document = XDocument.Parse(result.Text);
        var reference = form == Form.Xml20
            ? document.Descendants(Wps20 + "Reference").Single().Attribute(Xlink + "href")
            : document.Descendants(Wps10 + "Reference").Single().Attribute("href");
        return reference!.Value;
    }

    private string StoredFile(string url)
    {
        var tmpUrl = _services.Config("main", "tmpUrl")!;
        Assert.That(url, Does.StartWith(tmpUrl));
        return Path.Combine(_services.TmpPath, Uri.UnescapeDataString(url[tmpUrl.Length..]));
    }

    private static XElement InlineData(CgiResult result, Form form)
    {
        var document = XDocument.Parse(result.Text);
        return form == Form.Xml20
            ? document.Descendants(Wps20 + "Data").Single()
            : document.Descendants(Wps10 + "ComplexData").Single();
    }

    private static string Describe(CgiResult result) =>
        $"status {result.Status}, type {result.ContentType}\n{(result.ContentType.StartsWith("text/xml", StringComparison.Ordinal) ? result.Text : $"({result.Body.Length} bytes)")}\n{result.StandardError}";

    /// <summary>"GeoTIFF-like" bytes: a TIFF header, then pseudo-random bytes with zeros and invalid UTF-8.</summary>
    private static byte[] Raster(int length)
    {
        var bytes = new byte[length];
        new Random(20261125).NextBytes(bytes);
        byte[] header = [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0xFF, 0xFE, 0xC0, 0x80, 0x00, 0x00, 0x0D, 0x0A];
        header.CopyTo(bytes, 0);
        return bytes;
    }
}
