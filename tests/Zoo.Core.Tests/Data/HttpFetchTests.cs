using System.Net;
using System.Text;
using Zoo.Core.Data;
using Zoo.Core.Wps;

namespace Zoo.Core.Tests.Data;

public class HttpFetchTests
{
    private static readonly FetchSettings Defaults = FetchSettings.Defaults;

    private static readonly FetchSettings Forwarding = Defaults with
    {
        ForwardedHeaders = [KeyValuePair.Create("Authorization", "Bearer s3cret")],
        ForwardHosts = ["data.example.org"],
    };

    private static async Task<FetchResult> Fetch(FetchSettings settings, FakeHandler handler, InputReference reference,
        string inputName = "InputData")
    {
        using var fetcher = new ReferenceFetcher(settings, handler);
        return await fetcher.FetchAsync(reference, inputName, CancellationToken.None);
    }

    private static Task<FetchResult> Get(FetchSettings settings, FakeHandler handler, string url) =>
        Fetch(settings, handler, InputReference.Get(url));

    private static InputReference Post(string url, string? body, params (string Name, string Value)[] headers) =>
        new(url, "POST", headers.Select(h => KeyValuePair.Create(h.Name, h.Value)).ToList(), body, null);

    private static async Task<WpsException> Failure(FetchSettings settings, FakeHandler handler, string url) =>
        (await Assert.ThrowsAsync<WpsException>(() => Get(settings, handler, url)))!;

    [Test]
    public async Task A_GET_returns_the_content_and_the_mime_type_the_server_sent()
    {
        var fetched = await Get(Defaults, new FakeHandler("<a/>", "text/xml"), "http://data.example.org/a.xml");

        Assert.That((Encoding.UTF8.GetString(fetched.Content), fetched.MimeType), Is.EqualTo(("<a/>", "text/xml")));
    }

    [Test]
    public async Task A_response_without_content_type_has_no_mime_type()
    {
        var fetched = await Get(Defaults, new FakeHandler("x", null), "http://data.example.org/a");

        Assert.That(fetched.MimeType, Is.Null);
    }

    [Test]
    public async Task Requests_say_they_come_from_ZooWPSClient()
    {
        var handler = new FakeHandler();

        await Get(Defaults, handler, "http://data.example.org/a");

        Assert.That(handler.Requests[0].Header("User-Agent"), Is.EqualTo("ZooWPSClient"));
    }

    [Test]
    public async Task The_headers_of_the_reference_are_sent()
    {
        var handler = new FakeHandler();
        var reference = new InputReference("http://data.example.org/a", "GET",
            [KeyValuePair.Create("Accept", "application/json")], null, null);

        await Fetch(Defaults, handler, reference);

        Assert.That(handler.Requests[0].Header("Accept"), Is.EqualTo("application/json"));
    }

    [Test]
    public async Task A_header_with_a_line_break_is_refused()
    {
        var reference = new InputReference("http://data.example.org/a", "GET",
            [KeyValuePair.Create("X-Note", "a\r\nInjected: yes")], null, null);

        var error = (await Assert.ThrowsAsync<WpsException>(() => Fetch(Defaults, new FakeHandler(), reference)))!;

        Assert.That(error.Errors[0].Text, Is.EqualTo("The header <X-Note> given for the input <InputData> is not a valid HTTP header."));
    }

    [Test]
    public async Task A_POST_sends_the_inline_body()
    {
        var handler = new FakeHandler();

        await Fetch(Defaults, handler, Post("http://data.example.org/wps", "<Execute/>", ("Content-Type", "text/xml")));

        Assert.That((handler.Requests[0].Method, handler.Requests[0].Body, handler.Requests[0].Header("Content-Type")),
            Is.EqualTo(("POST", "<Execute/>", "text/xml")));
    }

    [Test]
    public async Task A_POST_body_without_content_type_is_sent_as_form_data_as_curl_does()
    {
        var handler = new FakeHandler();

        await Fetch(Defaults, handler, Post("http://data.example.org/wps", "a=1"));

        Assert.That(handler.Requests[0].Header("Content-Type"), Is.EqualTo("application/x-www-form-urlencoded"));
    }

    [Test]
    public async Task A_POST_body_given_by_reference_is_fetched_and_sent()
    {
        var handler = new FakeHandler(r => FakeHandler.Ok(r.RequestUri!.AbsolutePath == "/body.xml" ? "<Body/>" : "result"));
        var reference = new InputReference("http://data.example.org/wps", "POST", [], null, "http://data.example.org/body.xml");

        await Fetch(Defaults, handler, reference);

        Assert.That(handler.Requests.Select(r => (r.Method, r.Url.AbsolutePath, r.Body)), Is.EqualTo(new[]
        {
            ("GET", "/body.xml", (string?)null), ("POST", "/wps", "<Body/>"),
        }));
    }

    [Test]
    public async Task A_refused_status_names_the_input_and_the_code_as_ZOO_does()
    {
        var handler = new FakeHandler(_ => FakeHandler.Status(404));

        var error = (await Assert.ThrowsAsync<WpsException>(() => Fetch(Defaults, handler, InputReference.Get("http://data.example.org/a"), "dem")))!;

        Assert.That(error.Errors[0], Is.EqualTo(new OwsError("InvalidParameterValue", "dem",
            "Unable to download the file for the input <dem>, response code was : 404.")));
    }

    [Test]
    public async Task A_status_listed_in_extra_supported_codes_is_accepted()
    {
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("nf") });

        var fetched = await Get(Defaults with { ExtraSupportedCodes = [404] }, handler, "http://data.example.org/a");

        Assert.That(Encoding.UTF8.GetString(fetched.Content), Is.EqualTo("nf"));
    }

    [Test]
    public async Task Any_2xx_status_is_accepted()
    {
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("c") });

        var fetched = await Get(Defaults, handler, "http://data.example.org/a");

        Assert.That(Encoding.UTF8.GetString(fetched.Content), Is.EqualTo("c"));
    }

    [Test]
    public async Task A_server_that_cannot_be_reached_is_reported_as_response_code_0()
    {
        var handler = new FakeHandler(_ => throw new HttpRequestException("Connection refused"));

        var error = await Failure(Defaults, handler, "http://data.example.org/a");

        Assert.That(error.Errors[0].Text, Is.EqualTo("Unable to download the file for the input <InputData>, response code was : 0."));
    }

    [TestCase("ftp://data.example.org/a.tif")]
    [TestCase("gopher://data.example.org/a")]
    [TestCase("data:text/plain,hello")]
    [TestCase("not a url")]
    public async Task Another_protocol_is_refused_with_ZOOs_text(string url)
    {
        var error = await Failure(Defaults, new FakeHandler(), url);

        Assert.That(error.Errors[0], Is.EqualTo(new OwsError("InternalError", null,
            $"Unable to find a valid protocol to download the remote file {url}")));
    }

    [Test]
    public async Task Forwarded_headers_go_to_a_listed_host()
    {
        var handler = new FakeHandler();

        await Get(Forwarding, handler, "http://data.example.org/a");

        Assert.That(handler.Requests[0].Header("Authorization"), Is.EqualTo("Bearer s3cret"));
    }

    [Test]
    public async Task Forwarded_headers_do_not_go_to_an_unlisted_host()
    {
        var handler = new FakeHandler();

        await Get(Forwarding, handler, "http://other.example.org/a");

        Assert.That(handler.Requests[0].Header("Authorization"), Is.Null);
    }

    [Test]
    public async Task A_listed_host_matches_whole_host_names_not_parts_of_them()
    {
        var handler = new FakeHandler();

        await Get(Forwarding, handler, "http://data.example.org.attacker.net/a");

        Assert.That(handler.Requests[0].Header("Authorization"), Is.Null);
    }

    [Test]
    public async Task A_listed_host_matches_in_any_case()
    {
        var handler = new FakeHandler();

        await Get(Forwarding, handler, "http://DATA.Example.org/a");

        Assert.That(handler.Requests[0].Header("Authorization"), Is.EqualTo("Bearer s3cret"));
    }

    [Test]
    public async Task A_star_forwards_to_every_host()
    {
        var handler = new FakeHandler();

        await Get(Forwarding with { ForwardHosts = ["*"] }, handler, "http://anywhere.example.net/a");

        Assert.That(handler.Requests[0].Header("Authorization"), Is.EqualTo("Bearer s3cret"));
    }

    [Test]
    public async Task A_header_given_in_the_reference_wins_over_the_forwarded_one()
    {
        var handler = new FakeHandler();
        var reference = new InputReference("http://data.example.org/a", "GET",
            [KeyValuePair.Create("Authorization", "Basic own")], null, null);

        await Fetch(Forwarding, handler, reference);

        Assert.That(handler.Requests[0].Header("Authorization"), Is.EqualTo("Basic own"));
    }

    [Test]
    public async Task A_refused_status_never_shows_the_forwarded_credentials()
    {
        var handler = new FakeHandler(_ => FakeHandler.Status(403));

        var error = await Failure(Forwarding, handler, "http://data.example.org/a");

        Assert.That(error.Errors[0].Text, Does.Not.Contain("s3cret"));
    }

    [Test]
    public async Task Redirects_are_followed_up_to_the_limit()
    {
        var handler = new FakeHandler(r => r.RequestUri!.AbsolutePath switch
        {
            "/1" => FakeHandler.Redirect("/2"),
            "/2" => FakeHandler.Redirect("http://data.example.org/3", 301),
            "/3" => FakeHandler.Redirect("/4", 307),
            _ => FakeHandler.Ok("end"),
        });

        var fetched = await Get(Defaults, handler, "http://data.example.org/1");

        Assert.That(Encoding.UTF8.GetString(fetched.Content), Is.EqualTo("end"));
    }

    [Test]
    public async Task A_redirect_beyond_the_limit_fails()
    {
        var handler = new FakeHandler(r => FakeHandler.Redirect(r.RequestUri!.AbsolutePath + "x"));

        var error = await Failure(Defaults with { MaxRedirects = 2 }, handler, "http://data.example.org/a");

        Assert.That(error.Errors[0].Text, Is.EqualTo("Unable to download the file for the input <InputData>: more than 2 redirections."));
    }

    [Test]
    public async Task A_redirect_to_a_file_URL_is_refused()
    {
        var handler = new FakeHandler(_ => FakeHandler.Redirect("file:///etc/passwd"));

        var error = await Failure(Defaults, handler, "http://data.example.org/a");

        Assert.That(error.Errors[0].Text, Does.StartWith("Unable to find a valid protocol to download the remote file file:///etc/passwd"));
    }

    [Test]
    public async Task A_redirect_on_the_same_host_keeps_the_forwarded_credentials()
    {
        var handler = new FakeHandler(r => r.RequestUri!.AbsolutePath == "/a" ? FakeHandler.Redirect("/b") : FakeHandler.Ok("b"));

        await Get(Forwarding, handler, "http://data.example.org/a");

        Assert.That(handler.Requests[1].Header("Authorization"), Is.EqualTo("Bearer s3cret"));
    }

    [Test]
    public async Task A_redirect_to_another_host_drops_the_forwarded_credentials_even_when_that_host_is_listed()
    {
        var settings = Forwarding with { ForwardHosts = ["data.example.org", "mirror.example.org"] };
        var handler = new FakeHandler(r => r.RequestUri!.Host == "data.example.org"
            ? FakeHandler.Redirect("http://mirror.example.org/a") : FakeHandler.Ok("m"));

        await Get(settings, handler, "http://data.example.org/a");

        Assert.That(handler.Requests[1].Header("Authorization"), Is.Null);
    }

    [Test]
    public async Task A_redirect_to_another_host_drops_the_references_own_credentials()
    {
        var handler = new FakeHandler(r => r.RequestUri!.Host == "data.example.org"
            ? FakeHandler.Redirect("http://mirror.example.org/a") : FakeHandler.Ok("m"));
        var reference = new InputReference("http://data.example.org/a", "GET",
            [KeyValuePair.Create("Cookie", "session=1"), KeyValuePair.Create("Accept", "text/xml")], null, null);

        await Fetch(Defaults, handler, reference);

        Assert.That((handler.Requests[1].Header("Cookie"), handler.Requests[1].Header("Accept")),
            Is.EqualTo(((string?)null, "text/xml")));
    }

    [Test]
    public async Task A_redirect_back_to_the_original_host_does_not_restore_the_credentials()
    {
        var handler = new FakeHandler(r => (r.RequestUri!.Host, r.RequestUri.AbsolutePath) switch
        {
            ("data.example.org", "/a") => FakeHandler.Redirect("http://mirror.example.org/a"),
            ("mirror.example.org", _) => FakeHandler.Redirect("http://data.example.org/b"),
            _ => FakeHandler.Ok("b"),
        });

        await Get(Forwarding, handler, "http://data.example.org/a");

        Assert.That(handler.Requests[2].Header("Authorization"), Is.Null);
    }

    [Test]
    public async Task A_redirect_from_https_to_http_drops_the_credentials()
    {
        var handler = new FakeHandler(r => r.RequestUri!.Scheme == "https"
            ? FakeHandler.Redirect("http://data.example.org:443/a") : FakeHandler.Ok("plain"));

        await Get(Forwarding, handler, "https://data.example.org/a");

        Assert.That(handler.Requests[1].Header("Authorization"), Is.Null);
    }

    [Test]
    public async Task A_POST_redirected_with_303_continues_as_a_GET_without_body()
    {
        var handler = new FakeHandler(r => r.RequestUri!.AbsolutePath == "/wps" ? FakeHandler.Redirect("/result", 303) : FakeHandler.Ok("r"));

        await Fetch(Defaults, handler, Post("http://data.example.org/wps", "<Execute/>"));

        Assert.That((handler.Requests[1].Method, handler.Requests[1].Body), Is.EqualTo(("GET", (string?)null)));
    }

    [Test]
    public async Task A_POST_redirected_with_307_is_sent_again_with_its_body()
    {
        var handler = new FakeHandler(r => r.RequestUri!.AbsolutePath == "/wps" ? FakeHandler.Redirect("/wps2", 307) : FakeHandler.Ok("r"));

        await Fetch(Defaults, handler, Post("http://data.example.org/wps", "<Execute/>"));

        Assert.That((handler.Requests[1].Method, handler.Requests[1].Body), Is.EqualTo(("POST", "<Execute/>")));
    }

    [Test]
    public async Task A_declared_length_above_the_limit_fails()
    {
        var handler = new FakeHandler("0123456789");

        var error = await Failure(Defaults with { MaxBytes = 5 }, handler, "http://data.example.org/a");

        Assert.That(error.Errors[0].Text, Is.EqualTo("The file for the input <InputData> is larger than the allowed 5 bytes."));
    }

    [Test]
    public async Task A_body_of_unknown_length_that_grows_past_the_limit_fails()
    {
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new UnknownLengthContent(100_000) });

        var error = await Failure(Defaults with { MaxBytes = 50_000 }, handler, "http://data.example.org/a");

        Assert.That(error.Errors[0].Text, Is.EqualTo("The file for the input <InputData> is larger than the allowed 50000 bytes."));
    }

    [Test]
    public async Task A_body_exactly_at_the_limit_is_accepted()
    {
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new UnknownLengthContent(1000) });

        var fetched = await Get(Defaults with { MaxBytes = 1000 }, handler, "http://data.example.org/a");

        Assert.That(fetched.Content, Has.Length.EqualTo(1000));
    }

    [Test]
    public void A_fetch_cancelled_by_the_caller_is_cancelled_not_reported_as_a_timeout()
    {
        using var fetcher = new ReferenceFetcher(Defaults, new FakeHandler());
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(() => fetcher.FetchAsync(InputReference.Get("http://data.example.org/a"), "a", cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Fetching_all_returns_the_results_in_the_order_given()
    {
        var handler = new FakeHandler(r => FakeHandler.Ok(r.RequestUri!.AbsolutePath));
        using var fetcher = new ReferenceFetcher(Defaults, handler);

        var fetched = await fetcher.FetchAllAsync(
            [(InputReference.Get("http://h.example.org/1"), "a"), (InputReference.Get("http://h.example.org/2"), "b"),
             (InputReference.Get("http://h.example.org/3"), "c")], CancellationToken.None);

        Assert.That(fetched.Select(f => Encoding.UTF8.GetString(f.Content)), Is.EqualTo(new[] { "/1", "/2", "/3" }));
    }

    [Test]
    public async Task Fetching_all_reports_every_failure_in_the_order_given()
    {
        var handler = new FakeHandler(r => r.RequestUri!.AbsolutePath == "/ok" ? FakeHandler.Ok("x") : FakeHandler.Status(500));
        using var fetcher = new ReferenceFetcher(Defaults, handler);

        var error = (await Assert.ThrowsAsync<WpsException>(() => fetcher.FetchAllAsync(
            [(InputReference.Get("http://h.example.org/bad"), "a"), (InputReference.Get("http://h.example.org/ok"), "b"),
             (InputReference.Get("ftp://h.example.org/c"), "c")], CancellationToken.None)))!;

        Assert.That(error.Errors.Select(e => e.Locator), Is.EqualTo(new[] { "a", null }));
    }

    /// <summary>A body sent without Content-Length, as a chunked or close-delimited response is.</summary>
    private sealed class UnknownLengthContent(int size) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            stream.WriteAsync(new byte[size]).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
