using Zoo.Integration.Tests.Support;

namespace Zoo.Integration.Tests.Execute;

/// <summary>Execute requests ZOO refuses as a whole, and a service that reports its own failure.</summary>
[TestFixture]
public sealed class ExecuteFailureTests
{
    private ServiceDirectory _services = null!;

    [OneTimeSetUp]
    public void CopyServices() => _services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);

    [OneTimeTearDown]
    public void RemoveServices() => _services.Dispose();

    [Test]
    public void A_2_0_0_Execute_over_GET_is_refused_with_locator_request()
    {
        var result = CgiProcess.Get(_services.Path, "service=WPS&version=2.0.0&request=Execute&identifier=HelloPy&DataInputs=a=Toto");

        Assert.That(new[] { result.Status, OwsReport.Code(result), OwsReport.Locator(result) },
            Is.EqualTo(new[] { "400 Bad request", "InvalidParameterValue", "request" }), result.Text);
    }

    [Test]
    public void A_2_0_0_Execute_over_GET_is_a_schema_valid_report()
    {
        SchemaValidator.AssertValid(CgiProcess.Get(_services.Path, "service=WPS&version=2.0.0&request=Execute&identifier=HelloPy"));
    }

    [Test]
    public void An_unknown_process_is_refused_with_locator_identifier()
    {
        var result = CgiProcess.Get(_services.Path, ExecuteRequests.Kvp("NoSuchProcess", "a=1"));

        Assert.That(new[] { result.Status, OwsReport.Code(result), OwsReport.Locator(result) },
            Is.EqualTo(new[] { "400 Bad request", "InvalidParameterValue", "identifier" }), result.Text);
    }

    [Test]
    public void A_failing_service_is_an_ExceptionReport_with_its_message()
    {
        var result = CgiProcess.Get(_services.Path, "service=WPS&version=1.0.0&request=Execute&identifier=FailingService");

        Assert.That(OwsReport.Text(result),
            Is.EqualTo("FailingService always fails: it exists to test how a failed execution is reported."), result.Text);
    }

    [Test]
    public void A_failing_service_reports_NoApplicableCode_with_the_status_of_that_code()
    {
        var result = CgiProcess.Get(_services.Path, "service=WPS&version=1.0.0&request=Execute&identifier=FailingService");

        Assert.That(new[] { OwsReport.Code(result), result.Status }, Is.EqualTo(new[] { "NoApplicableCode", "500 Internal Server Error" }), result.Text);
    }

    [Test]
    public void A_failing_service_asked_for_raw_output_is_still_a_report()
    {
        var result = CgiProcess.Get(_services.Path, "service=WPS&version=1.0.0&request=Execute&identifier=FailingService&RawDataOutput=Result");

        Assert.That(result.ContentType, Is.EqualTo("text/xml; charset=utf-8"), result.Text);
    }

    [Test]
    public void A_failing_service_over_2_0_0_is_an_OWS_2_report_with_its_message()
    {
        var result = CgiProcess.Post(_services.Path, ExecuteRequests.Xml20("FailingService", "", ExecuteRequests.Output20("Result")));

        Assert.That(new[] { OwsReport.First(result).Name.NamespaceName, OwsReport.Text(result) },
            Is.EqualTo(new[] { OwsReport.Ows20.NamespaceName, "FailingService always fails: it exists to test how a failed execution is reported." }),
            result.Text);
    }

    [Test]
    public void A_failing_service_report_is_schema_valid()
    {
        SchemaValidator.AssertValid(CgiProcess.Get(_services.Path, "service=WPS&version=1.0.0&request=Execute&identifier=FailingService"));
    }

    [Test]
    public void A_service_that_sets_code_and_locator_is_reported_with_them()
    {
        using var services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        services.Write("Picky.zcfg", RobustnessServices.Zcfg("Picky", "picky_service"));
        services.Write("picky_service.py", """
            import zoo

            def Picky(conf, inputs, outputs):
                conf["lenv"]["message"] = "x must be even"
                conf["lenv"]["code"] = "InvalidParameterValue"
                conf["lenv"]["locator"] = "x"
                return zoo.SERVICE_FAILED
            """);

        var result = CgiProcess.Get(services.Path, ExecuteRequests.Kvp("Picky", "x=3", "&ResponseDocument=Result"));

        Assert.That(new[] { OwsReport.Code(result), OwsReport.Locator(result), OwsReport.Text(result), result.Status },
            Is.EqualTo(new[] { "InvalidParameterValue", "x", "x must be even", "400 Bad request" }), result.Text);
    }
}
