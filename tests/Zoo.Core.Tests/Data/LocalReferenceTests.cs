using System.Text;
using Zoo.Core.Data;
using Zoo.Core.Tests.TestSupport;
using Zoo.Core.Wps;

namespace Zoo.Core.Tests.Data;

public class LocalReferenceTests
{
    private TempDirectory _root = null!;
    private string _allowed = null!;
    private string _tmp = null!;

    [SetUp]
    public void SetUp()
    {
        _root = new TempDirectory();
        _allowed = _root.CreateDirectory("allowed");
        _tmp = _root.CreateDirectory("tmp");
        _root.Write("allowed/data.txt", "allowed data");
        _root.Write("allowed2/data.txt", "neighbour data");
        _root.Write("secret.txt", "secret");
        _root.Write("tmp/output.txt", "job output");
    }

    [TearDown]
    public void TearDown() => _root.Dispose();

    private FetchSettings Settings => FetchSettings.Defaults with
    {
        AllowedPaths = [_allowed],
        TmpPath = _tmp,
        TmpUrl = new Uri("http://zoo.example.org/temp/"),
    };

    private static string FileUrl(string path) => new Uri(path).AbsoluteUri;

    private async Task<string> Read(string url, FakeHandler? handler = null)
    {
        using var fetcher = new ReferenceFetcher(Settings, handler ?? new FakeHandler(_ => throw new AssertionException("no download expected")));
        return Encoding.UTF8.GetString((await fetcher.FetchAsync(InputReference.Get(url), "in", CancellationToken.None)).Content);
    }

    private async Task<WpsException> Refused(string url) => (await Assert.ThrowsAsync<WpsException>(() => Read(url)))!;

    [Test]
    public async Task A_file_URL_inside_an_allowed_path_is_read()
    {
        Assert.That(await Read(FileUrl(Path.Combine(_allowed, "data.txt"))), Is.EqualTo("allowed data"));
    }

    [Test]
    public async Task A_file_URL_outside_the_allowed_paths_is_refused_with_ZOOs_text()
    {
        var url = FileUrl(Path.Combine(_root.Path, "secret.txt"));

        var error = await Refused(url);

        Assert.That(error.Errors[0], Is.EqualTo(new OwsError("InternalError", null, $"Access to the provided file URL is not allowed {url}")));
    }

    [Test]
    public async Task A_file_URL_is_refused_when_no_path_is_allowed()
    {
        using var fetcher = new ReferenceFetcher(FetchSettings.Defaults, new FakeHandler());

        await Assert.ThrowsAsync<WpsException>(() =>
            fetcher.FetchAsync(InputReference.Get(FileUrl(Path.Combine(_allowed, "data.txt"))), "in", CancellationToken.None));
    }

    [Test]
    public async Task An_allowed_path_covers_whole_directory_names_only()
    {
        await Refused(FileUrl(Path.Combine(_root.Path, "allowed2", "data.txt")));
    }

    [Test]
    public async Task A_file_URL_climbing_out_with_dot_dot_is_refused()
    {
        await Refused($"file://{_allowed}/../secret.txt");
    }

    [Test]
    public async Task A_file_URL_climbing_out_with_encoded_dot_dot_is_refused()
    {
        await Refused($"file://{_allowed}/%2e%2e/secret.txt");
    }

    [Test]
    public async Task A_symbolic_link_leading_out_of_an_allowed_path_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_allowed, "escape"), _root.Path);

        await Refused(FileUrl(Path.Combine(_allowed, "escape", "secret.txt")));
    }

    [Test]
    public async Task A_symbolic_link_staying_inside_an_allowed_path_is_followed()
    {
        File.CreateSymbolicLink(Path.Combine(_allowed, "alias.txt"), "data.txt");

        Assert.That(await Read(FileUrl(Path.Combine(_allowed, "alias.txt"))), Is.EqualTo("allowed data"));
    }

    [Test]
    public async Task A_file_URL_naming_another_host_is_refused()
    {
        await Refused($"file://fileserver.example.org{_allowed}/data.txt");
    }

    [Test]
    public async Task A_missing_allowed_file_is_reported_without_its_path()
    {
        var error = (await Assert.ThrowsAsync<WpsException>(() => Read(FileUrl(Path.Combine(_allowed, "none.txt")))))!;

        Assert.That(error.Errors[0].Text, Is.EqualTo("Unable to read the file for the input <in>."));
    }

    [Test]
    public async Task A_URL_under_tmpUrl_is_read_from_tmpPath_without_download()
    {
        Assert.That(await Read("http://zoo.example.org/temp/output.txt"), Is.EqualTo("job output"));
    }

    [Test]
    public async Task A_URL_climbing_out_of_tmpUrl_with_encoded_dot_dot_is_not_read_from_the_disk()
    {
        var handler = new FakeHandler("remote");

        Assert.That(await Read("http://zoo.example.org/temp/%2e%2e/secret.txt", handler), Is.EqualTo("remote"));
    }

    [Test]
    public async Task A_URL_under_tmpUrl_climbing_out_with_an_encoded_slash_is_refused_with_ZOOs_text()
    {
        var error = await Refused("http://zoo.example.org/temp/..%2fsecret.txt");

        Assert.That(error.Errors[0].Text, Does.StartWith("Access to the provided file URL is not allowed"));
    }

    [Test]
    public async Task A_URL_under_tmpUrl_through_a_symbolic_link_out_of_tmpPath_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_tmp, "escape"), _root.Path);

        await Refused("http://zoo.example.org/temp/escape/secret.txt");
    }

    [Test]
    public async Task A_URL_on_another_host_with_the_same_path_is_downloaded()
    {
        var handler = new FakeHandler("remote");

        Assert.That(await Read("http://elsewhere.example.org/temp/output.txt", handler), Is.EqualTo("remote"));
    }

    [Test]
    public async Task A_path_that_merely_starts_like_tmpUrl_is_downloaded()
    {
        var handler = new FakeHandler("remote");

        Assert.That(await Read("http://zoo.example.org/temporary/output.txt", handler), Is.EqualTo("remote"));
    }
}
