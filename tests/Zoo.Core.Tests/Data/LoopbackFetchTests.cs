using System.Text;
using Zoo.Core.Data;
using Zoo.Core.Tests.TestSupport;
using Zoo.Core.Wps;

namespace Zoo.Core.Tests.Data;

/// <summary>The fetcher against a real HTTP server on the loopback interface.</summary>
public class LoopbackFetchTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private static async Task<FetchResult> Fetch(FetchSettings settings, InputReference reference)
    {
        using var fetcher = new ReferenceFetcher(settings);
        return await fetcher.FetchAsync(reference, "InputData", CancellationToken.None).WaitAsync(Deadline);
    }

    private static string Text(FetchResult fetched) => Encoding.UTF8.GetString(fetched.Content);

    [Test]
    public async Task A_real_GET_returns_the_body_and_the_content_type()
    {
        using var server = new LoopbackServer(_ => new ServerReply(200, "<a/>", "text/xml; charset=utf-8"));

        var fetched = await Fetch(FetchSettings.Defaults, InputReference.Get(server.Url("/a.xml")));

        Assert.That((Text(fetched), fetched.MimeType), Is.EqualTo(("<a/>", "text/xml; charset=utf-8")));
    }

    [Test]
    public async Task A_real_POST_delivers_its_body_and_headers()
    {
        using var server = new LoopbackServer(r => new ServerReply(200, "ok"));
        var reference = new InputReference(server.Url("/wps"), "POST",
            [KeyValuePair.Create("Content-Type", "text/xml")], "<Execute/>", null);

        await Fetch(FetchSettings.Defaults, reference);

        server.Received.TryPeek(out var received);
        Assert.That((received!.Method, received.Body, received.Header("Content-Type"), received.Header("User-Agent")),
            Is.EqualTo(("POST", "<Execute/>", "text/xml", "ZooWPSClient")));
    }

    [Test]
    public async Task A_real_redirect_to_another_host_name_arrives_without_the_forwarded_credentials()
    {
        using var server = new LoopbackServer(r => r.Path == "/start"
            ? new ServerReply(302, Location: $"http://localhost:{r.Header("Host")!.Split(':')[1]}/end")
            : new ServerReply(200, "end"));
        var settings = FetchSettings.Defaults with
        {
            ForwardedHeaders = [KeyValuePair.Create("Authorization", "Bearer s3cret")],
            ForwardHosts = ["127.0.0.1", "localhost"],
        };

        await Fetch(settings, InputReference.Get(server.Url("/start")));

        var received = server.Received.ToArray();
        Assert.That(received.Select(r => (r.Path, r.Header("Authorization"))), Is.EqualTo(new[]
        {
            ("/start", "Bearer s3cret"), ("/end", (string?)null),
        }));
    }

    [Test]
    public async Task A_real_error_status_is_reported()
    {
        using var server = new LoopbackServer(_ => new ServerReply(404, "missing"));

        var error = (await Assert.ThrowsAsync<WpsException>(() => Fetch(FetchSettings.Defaults, InputReference.Get(server.Url("/x")))))!;

        Assert.That(error.Errors[0].Text, Is.EqualTo("Unable to download the file for the input <InputData>, response code was : 404."));
    }

    [Test]
    public async Task A_real_body_without_length_is_cut_at_the_size_limit()
    {
        using var server = new LoopbackServer(_ => new ServerReply(200, new string('x', 200_000), OmitLength: true));

        var error = (await Assert.ThrowsAsync<WpsException>(() =>
            Fetch(FetchSettings.Defaults with { MaxBytes = 100_000 }, InputReference.Get(server.Url("/big")))))!;

        Assert.That(error.Errors[0].Text, Is.EqualTo("The file for the input <InputData> is larger than the allowed 100000 bytes."));
    }

    [Test]
    public async Task A_server_that_stops_sending_is_abandoned_at_the_timeout()
    {
        using var server = new LoopbackServer(_ => new ServerReply(200, "never", StallBody: true));

        var error = (await Assert.ThrowsAsync<WpsException>(() =>
            Fetch(FetchSettings.Defaults with { Timeout = TimeSpan.FromMilliseconds(300) }, InputReference.Get(server.Url("/slow")))))!;

        Assert.That(error.Errors[0].Text, Is.EqualTo("Downloading the file for the input <InputData> took longer than the allowed 0.3 seconds."));
    }

    [Test]
    public async Task A_second_real_fetch_is_served_from_the_cache()
    {
        using var cache = new TempDirectory();
        using var server = new LoopbackServer(_ => new ServerReply(200, "raster"));
        var settings = FetchSettings.Defaults with { CacheDirectory = cache.Path };

        await Fetch(settings, InputReference.Get(server.Url("/dem.tif")));
        var second = await Fetch(settings, InputReference.Get(server.Url("/dem.tif")));

        Assert.That((Text(second), server.Received.Count), Is.EqualTo(("raster", 1)));
    }

    [Test]
    public async Task A_shared_URL_fetched_with_other_credentials_is_served_from_the_same_entry()
    {
        using var cache = new TempDirectory();
        using var server = new LoopbackServer(_ => new ServerReply(200, "public"));
        FetchSettings As(string token) => FetchSettings.Defaults with
        {
            CacheDirectory = cache.Path,
            ForwardedHeaders = [KeyValuePair.Create("Authorization", token)],
            ForwardHosts = ["*"],
            SharedPrefixes = [server.Url("/pub/")],
        };

        var alice = await Fetch(As("Bearer alice"), InputReference.Get(server.Url("/pub/dem.tif")));
        var bob = await Fetch(As("Bearer bob"), InputReference.Get(server.Url("/pub/dem.tif")));

        Assert.That((bob.CacheFile, server.Received.Count), Is.EqualTo((alice.CacheFile, 1)));
    }
}
