using System.Text;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Hardening;

/// <summary>
/// Defect 6: an asynchronous Execute saved the whole CGI request (environment with Authorization and Cookie, body)
/// as <c>&lt;id&gt;.request</c> in tmpPath, which the web server publishes; and a reference under tmpUrl could read any
/// job's files (its lenv, pid, log). No file in tmpPath ever holds the client's credentials, not while the job runs
/// and not after; a tmpUrl reference to a job's own files is refused.
/// </summary>
[TestFixture]
public sealed class CredentialsAtRestTests
{
    private static readonly string Password = "pw-" + Guid.NewGuid().ToString("N");
    private static readonly string Authorization = "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes("alice:" + Password));
    private static readonly string CookieSecret = "sess-" + Guid.NewGuid().ToString("N");
    private static readonly string Cookie = $"zoo_session={CookieSecret}; theme=dark";

    private ServiceDirectory _services = null!;
    private AsyncJobs _jobs = null!;
    private readonly List<string> _jobIds = [];
    private readonly List<string> _sightings = [];
    private readonly HashSet<string> _filesSeen = new(StringComparer.Ordinal);
    private int _scans;

    /// <summary>What a leak would look like on disk: the header values, and the secrets inside them.</summary>
    private static readonly string[] Needles = [Authorization, Convert.ToBase64String(Encoding.ASCII.GetBytes("alice:" + Password)), Password, Cookie, CookieSecret];

    private static Dictionary<string, string> Credentials() => new()
    {
        ["HTTP_AUTHORIZATION"] = Authorization,
        ["HTTP_COOKIE"] = Cookie,
    };

    [OneTimeSetUp]
    public void RunJobsAndWatchTmpPath()
    {
        // The shipped main.cfg forwards Authorization and Cookie to services ([security] attributes): the kernel
        // holds them for the job, and still must not leave them on disk.
        _services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        _jobs = new AsyncJobs(_services);
        Assume.That(_services.Config("security", "attributes"), Does.Contain("Authorization").And.Contain("Cookie"));

        var kvp = CgiProcess.Get(_services.Path,
            Kvp("LongProcess", "duration=2;steps=4", "&ResponseDocument=Result&storeExecuteResponse=true&status=true"), Credentials());
        _jobIds.Add(Async.AsyncRequests.JobIdOfLocation(Async.AsyncRequests.StatusLocationOf(kvp)));
        Scan();
        var xml = CgiProcess.Run(_services.Path, "POST", "", Encoding.UTF8.GetBytes(Async.AsyncRequests.Xml20(2, 4, "async")), "text/xml",
            Credentials());
        _jobIds.Add(StatusInfo.Parse(xml).JobId);

        // Look at every file while the jobs run, then once more after they ended.
        while (!_jobIds.All(id => _jobs.Status(id).IsFinal))
            Scan();
        Scan();
    }

    [OneTimeTearDown]
    public void Remove()
    {
        _jobs.KillAllWorkers();
        _services.Dispose();
    }

    private void Scan()
    {
        _scans++;
        foreach (var path in Directory.EnumerateFiles(_services.Path, "*", SearchOption.AllDirectories))
        {
            _filesSeen.Add(Path.GetRelativePath(_services.Path, path));
            byte[] content;
            try
            {
                content = File.ReadAllBytes(path);
            }
            catch (IOException)
            {
                continue; // renamed or removed between listing and reading
            }
            var text = Encoding.UTF8.GetString(content);
            foreach (var needle in Needles.Where(n => text.Contains(n, StringComparison.Ordinal)))
                _sightings.Add($"{Path.GetRelativePath(_services.Path, path)} holds \"{needle}\"");
        }
    }

    [Test]
    public void No_file_ever_holds_the_client_s_credentials()
    {
        TestContext.Out.WriteLine($"{_scans} scans of {_filesSeen.Count} files: {string.Join(", ", _filesSeen.Order(StringComparer.Ordinal))}");
        Assert.That(_sightings.Distinct(), Is.Empty);
    }

    [Test]
    public void No_request_file_is_ever_written()
    {
        Assert.That(_filesSeen.Where(f => f.EndsWith(".request", StringComparison.Ordinal) || f.Contains(".request.", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void The_jobs_ran_to_their_end()
    {
        Assert.That(_jobIds.Select(id => _jobs.Status(id).Status), Is.All.EqualTo("Succeeded"));
    }

    private string TmpUrl => _services.Config("main", "tmpUrl")!;

    /// <summary>The job's own files, each given a marker first where the finished job has none (its .pid, log, a hidden file).</summary>
    private static IEnumerable<TestCaseData> JobFiles()
    {
        foreach (var name in new[] { "{id}_lenv.cfg", "{id}.sid", "{id}.pid", "{id}.res", "LongProcess_{id}_error.log", ".hidden", ".{id}.status.tmp" })
            yield return new TestCaseData(name).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(JobFiles))]
    public void A_tmpUrl_reference_to_a_job_s_own_file_is_refused(string pattern)
    {
        var id = _jobIds[0];
        var name = pattern.Replace("{id}", id, StringComparison.Ordinal);
        var file = Path.Combine(_services.TmpPath, name);
        var marker = "MARKER-" + Guid.NewGuid().ToString("N");
        if (!File.Exists(file))
            File.WriteAllText(file, marker + "\n");
        else
            marker = File.ReadAllLines(file).FirstOrDefault(l => l.Length > 0) ?? name;
        var url = TmpUrl + (TmpUrl.EndsWith('/') ? "" : "/") + name;

        var result = CgiProcess.Get(_services.Path, Kvp("CopyVector", "InputVector=@xlink:href=" + Q(url), "&RawDataOutput=Result"));

        var exception = CgiAnswer.AssertReport(result, "InternalError");
        Assert.Multiple(() =>
        {
            Assert.That(OwsReport.Text(result), Does.StartWith("Access to the provided file URL is not allowed"), exception.ToString());
            Assert.That(result.Text, Does.Not.Contain(marker));
        });
        SchemaValidator.AssertValid(result);
    }

    [Test]
    public void A_tmpUrl_reference_to_a_published_file_is_read()
    {
        const string published = """{"type":"FeatureCollection","features":[]}""";
        File.WriteAllText(Path.Combine(_services.TmpPath, "published.json"), published);
        var url = TmpUrl + (TmpUrl.EndsWith('/') ? "" : "/") + "published.json";

        var result = CgiProcess.Get(_services.Path, Kvp("CopyVector", "InputVector=@xlink:href=" + Q(url) + "@mimeType=application/json", "&RawDataOutput=Result"));

        CgiAnswer.AssertProper(result);
        Assert.That(result.Text, Is.EqualTo(published), () => CgiAnswer.Head(result));
    }
}
