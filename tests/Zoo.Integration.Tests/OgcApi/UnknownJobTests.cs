using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.OgcApi;

/// <summary>
/// Jobs that do not exist, and job ids that are not file names (spec/ogcapi.md §1.4 <c>/jobs/{id}</c>, §3.8, §3.9,
/// §3.11, §3.12; test plan §7.2 item 13): always 404 no-such-job, never a file outside tmpPath.
/// </summary>
[TestFixture]
public sealed class UnknownJobTests : OgcApiFixture
{
    private const string NoSuchJob = "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-job";

    private static readonly string Unknown = "invalid-job-" + Guid.NewGuid();

    public static IEnumerable<TestCaseData> Requests() =>
    [
        new TestCaseData("GET", $"/jobs/{Unknown}").SetArgDisplayNames("status"),
        new TestCaseData("GET", $"/jobs/{Unknown}/results").SetArgDisplayNames("results"),
        new TestCaseData("DELETE", $"/jobs/{Unknown}").SetArgDisplayNames("dismiss"),
        new TestCaseData("GET", $"/jobs/{Guid.NewGuid()}").SetArgDisplayNames("status of a well-formed unknown id"),
    ];

    [TestCaseSource(nameof(Requests))]
    public void An_unknown_job_is_a_404_no_such_job(string method, string target)
    {
        var answer = Api.Send(method, target, [], null);

        Assert.That((answer.StatusCode, answer.Member("type")), Is.EqualTo((404, NoSuchJob)), answer.ToString);
    }

    [Test]
    public void An_unknown_job_answer_is_a_valid_exception()
    {
        JsonSchemaValidator.AssertValid("exception", Api.Get($"/jobs/{Unknown}"));
    }

    [TestCase("/jobs/..%2F..%2Fmain.cfg")]
    [TestCase("/jobs/..%2Fmain.cfg/results")]
    [TestCase("/jobs/%2E%2E")]
    [TestCase("/jobs/a%00b")]
    public void A_job_id_that_is_not_a_file_name_is_a_404(string target)
    {
        var answer = Api.Get(target);

        Assert.That(answer.StatusCode, Is.EqualTo(404), answer.ToString);
    }

    [Test]
    public void Dismissing_a_job_id_that_leaves_tmpPath_deletes_nothing()
    {
        Services.Write("tmp-outside.sid", "outside");

        Api.Delete("/jobs/..%2Ftmp-outside");

        Assert.That(File.Exists(Path.Combine(Services.Path, "tmp-outside.sid")), Is.True);
    }
}
