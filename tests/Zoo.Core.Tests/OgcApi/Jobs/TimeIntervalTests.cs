using Zoo.Core.OgcApi;
using Zoo.Core.OgcApi.Jobs;

namespace Zoo.Core.Tests.OgcApi.Jobs;

public class TimeIntervalTests
{
    [TestCase("2025-05-02T09:05:00Z", "2025-05-02T09:05:00Z", true)]
    [TestCase("2025-05-02T09:05:00Z", "2025-05-02T09:05:01Z", false)]
    [TestCase("2025-05-02T09:05:00.750Z", "2025-05-02T09:05:00Z", true)]
    [TestCase("2025-05-02t11:05:00+02:00", "2025-05-02T09:05:00Z", true)]
    [TestCase("2025-05-02T11:05:00 02:00", "2025-05-02T09:05:00Z", true)]
    [TestCase("2025-05-02T09:00:00Z/2025-05-02T10:00:00Z", "2025-05-02T10:00:00Z", true)]
    [TestCase("2025-05-02T09:00:00Z/2025-05-02T10:00:00Z", "2025-05-02T08:59:59Z", false)]
    [TestCase("../2025-05-02T10:00:00Z", "1999-01-01T00:00:00Z", true)]
    [TestCase("2025-05-02T09:00:00Z/..", "2099-01-01T00:00:00Z", true)]
    [TestCase("2025-05-02T09:00:00Z/", "2025-05-02T08:00:00Z", false)]
    public void A_datetime_holds_the_times_it_names(string value, string time, bool contained)
    {
        Assert.That(TimeInterval.Parse(value).Contains(JobFileWriter.Utc(time)), Is.EqualTo(contained));
    }

    [TestCase("")]
    [TestCase("now")]
    [TestCase("2025-05-02T09:00:00")]
    [TestCase("2025-13-02T09:00:00Z")]
    [TestCase("/")]
    [TestCase("../..")]
    [TestCase("2025-05-02T10:00:00Z/2025-05-02T09:00:00Z")]
    public void Anything_else_is_an_invalid_query_parameter_value(string value)
    {
        var error = Assert.Throws<ApiException>(() => TimeInterval.Parse(value));

        Assert.That(error.Code, Is.EqualTo("InvalidQueryParameterValue"));
    }
}
