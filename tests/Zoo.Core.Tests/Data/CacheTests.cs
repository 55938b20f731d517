using System.Security.Cryptography;
using System.Text;
using Zoo.Core.Data;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Data;

public class CacheTests
{
    private const string Url = "http://data.example.org/dem.tif";
    private TempDirectory _cache = null!;

    [SetUp]
    public void SetUp() => _cache = new TempDirectory();

    [TearDown]
    public void TearDown() => _cache.Dispose();

    private FetchSettings Cached => FetchSettings.Defaults with { CacheDirectory = _cache.Path };

    private FetchSettings WithCredentials(string token, params string[] shared) => Cached with
    {
        ForwardedHeaders = [KeyValuePair.Create("Authorization", token)],
        ForwardHosts = ["*"],
        SharedPrefixes = shared,
    };

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private string CacheFile(string key, string extension) => Path.Combine(_cache.Path, Md5(key) + extension);

    private static async Task<FetchResult> Get(FetchSettings settings, FakeHandler handler, string url = Url)
    {
        using var fetcher = new ReferenceFetcher(settings, handler);
        return await fetcher.FetchAsync(InputReference.Get(url), "dem", CancellationToken.None);
    }

    [Test]
    public async Task A_download_is_stored_under_the_md5_of_its_url()
    {
        var fetched = await Get(Cached, new FakeHandler("raster", "image/tiff"));

        Assert.That(fetched.CacheFile, Is.EqualTo(CacheFile(Url, ".zca")));
    }

    [Test]
    public async Task The_entry_holds_the_content_the_mime_type_the_provenance_and_the_md5_of_the_content()
    {
        await Get(Cached, new FakeHandler("raster", "image/tiff"));

        var files = new[] { ".zca", ".zcm", ".zcp", ".zmd" }.Select(e => File.ReadAllText(CacheFile(Url, e)));
        Assert.That(files, Is.EqualTo(new[] { "raster", "image/tiff", "OTHER", Md5("raster") }));
    }

    [Test]
    public async Task A_download_without_mime_type_is_stored_as_none_as_ZOO_does()
    {
        await Get(Cached, new FakeHandler("raster", null));

        Assert.That(File.ReadAllText(CacheFile(Url, ".zcm")), Is.EqualTo("none"));
    }

    [Test]
    public async Task The_second_fetch_is_served_from_the_cache_without_a_request()
    {
        await Get(Cached, new FakeHandler("raster", "image/tiff"));
        var second = new FakeHandler("changed");

        var fetched = await Get(Cached, second);

        Assert.That((second.Requests.Count, Encoding.UTF8.GetString(fetched.Content), fetched.MimeType, fetched.CacheFile),
            Is.EqualTo((0, "raster", "image/tiff", CacheFile(Url, ".zca"))));
    }

    [Test]
    public async Task A_cached_none_mime_type_is_read_back_as_no_mime_type()
    {
        await Get(Cached, new FakeHandler("raster", null));

        var fetched = await Get(Cached, new FakeHandler());

        Assert.That(fetched.MimeType, Is.Null);
    }

    [Test]
    public async Task An_empty_cache_entry_is_fetched_again()
    {
        File.WriteAllText(CacheFile(Url, ".zca"), "");
        var handler = new FakeHandler("raster");

        await Get(Cached, handler);

        Assert.That(handler.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_key_of_a_URL_fetched_with_credentials_ends_with_their_values()
    {
        var fetched = await Get(WithCredentials("Bearer alice"), new FakeHandler("raster"));

        Assert.That(fetched.CacheFile, Is.EqualTo(CacheFile(Url + "Bearer alice", ".zca")));
    }

    [Test]
    public async Task Users_with_other_credentials_do_not_share_an_entry()
    {
        await Get(WithCredentials("Bearer alice"), new FakeHandler("alice's"));
        var bob = new FakeHandler("bob's");

        await Get(WithCredentials("Bearer bob"), bob);

        Assert.That(bob.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_shared_URL_has_one_entry_for_every_user()
    {
        await Get(WithCredentials("Bearer alice", "http://data.example.org/"), new FakeHandler("public"));
        var bob = new FakeHandler("again");

        var fetched = await Get(WithCredentials("Bearer bob", "http://data.example.org/"), bob);

        Assert.That((bob.Requests.Count, fetched.CacheFile), Is.EqualTo((0, CacheFile(Url, ".zca"))));
    }

    [Test]
    public async Task A_shared_URL_is_recorded_as_SHARED()
    {
        await Get(Cached with { SharedPrefixes = ["http://data.example.org/"] }, new FakeHandler("public"));

        Assert.That(File.ReadAllText(CacheFile(Url, ".zcp")), Is.EqualTo("SHARED"));
    }

    [Test]
    public async Task A_URL_outside_the_shared_prefixes_is_recorded_as_OTHER()
    {
        await Get(Cached with { SharedPrefixes = ["http://public.example.org/"] }, new FakeHandler("x"));

        Assert.That(File.ReadAllText(CacheFile(Url, ".zcp")), Is.EqualTo("OTHER"));
    }

    [Test]
    public async Task POSTs_with_different_bodies_have_different_entries()
    {
        var handler = new FakeHandler(r => FakeHandler.Ok(r.Content!.ReadAsStringAsync().Result));
        using var fetcher = new ReferenceFetcher(Cached, handler);

        var first = await fetcher.FetchAsync(new InputReference(Url, "POST", [], "a", null), "x", CancellationToken.None);
        var second = await fetcher.FetchAsync(new InputReference(Url, "POST", [], "b", null), "x", CancellationToken.None);

        Assert.That((Encoding.UTF8.GetString(first.Content), Encoding.UTF8.GetString(second.Content)), Is.EqualTo(("a", "b")));
    }

    [Test]
    public async Task A_GET_with_its_own_authorization_header_is_not_served_to_a_request_without_it()
    {
        using (var fetcher = new ReferenceFetcher(Cached, new FakeHandler("private")))
            await fetcher.FetchAsync(new InputReference(Url, "GET", [KeyValuePair.Create("Authorization", "Basic x")], null, null),
                "x", CancellationToken.None);
        var anonymous = new FakeHandler("public");

        await Get(Cached, anonymous);

        Assert.That(anonymous.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Writing_the_cache_leaves_no_temporary_file()
    {
        await Get(Cached, new FakeHandler("raster"));

        Assert.That(Directory.GetFiles(_cache.Path).Select(Path.GetExtension), Is.EquivalentTo(new[] { ".zca", ".zcm", ".zcp", ".zmd" }));
    }

    [Test]
    public async Task A_cache_directory_that_cannot_be_written_still_gives_the_content()
    {
        var fetched = await Get(Cached with { CacheDirectory = Path.Combine(_cache.Path, "missing") }, new FakeHandler("raster"));

        Assert.That((Encoding.UTF8.GetString(fetched.Content), fetched.CacheFile), Is.EqualTo(("raster", (string?)null)));
    }

    [Test]
    public async Task Without_a_cache_directory_nothing_is_cached()
    {
        var fetched = await Get(FetchSettings.Defaults, new FakeHandler("raster"));

        Assert.That(fetched.CacheFile, Is.Null);
    }
}
