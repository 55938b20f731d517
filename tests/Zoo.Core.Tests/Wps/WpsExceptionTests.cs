using Zoo.Core.Wps;

namespace Zoo.Core.Tests.Wps;

public class WpsExceptionTests
{
    [TestCase("MissingParameterValue", "400 Bad request")]
    [TestCase("InvalidParameterValue", "400 Bad request")]
    [TestCase("InvalidUpdateSequence", "400 Bad request")]
    [TestCase("OptionNotSupported", "400 Bad request")]
    [TestCase("VersionNegotiationFailed", "400 Bad request")]
    [TestCase("NoSuchMode", "400 Bad request")]
    [TestCase("BadRequest", "400 Bad request")]
    [TestCase("WorkflowNotFound", "400 Bad request")]
    [TestCase("NotFound", "404 Not Found")]
    [TestCase("NoSuchProcess", "404 Not Found")]
    [TestCase("NoSuchJob", "404 Not Found")]
    [TestCase("NoSuchOutput", "404 Not Found")]
    [TestCase("ResultNotReady", "404 Not Found")]
    [TestCase("OperationNotSupported", "500 Internal Server Error")]
    [TestCase("NoApplicableCode", "500 Internal Server Error")]
    [TestCase("InternalError", "500 Internal Server Error")]
    [TestCase("FileSizeExceeded", "500 Internal Server Error")]
    [TestCase("SomethingNobodyKnows", "500 Internal Server Error")]
    public void The_status_line_follows_ZOO_s_table(string code, string status)
    {
        Assert.That(WpsException.StatusFor(code), Is.EqualTo(status));
    }

    [Test]
    public void The_status_comes_from_the_first_error()
    {
        var error = new WpsException([
            new OwsError("NoSuchJob", "x", "a"),
            new OwsError("MissingParameterValue", "y", "b"),
        ]);

        Assert.That(error.HttpStatus, Is.EqualTo("404 Not Found"));
    }

    [Test]
    public void The_message_is_the_first_text()
    {
        var error = new WpsException([new OwsError("A", null, "first"), new OwsError("B", null, "second")]);

        Assert.That(error.Message, Is.EqualTo("first"));
    }

    [Test]
    public void An_exception_without_errors_is_refused()
    {
        Assert.Throws<ArgumentException>(() => _ = new WpsException([]));
    }

    [Test]
    public void A_plain_identifier_not_found_names_its_file()
    {
        Assert.That(Messages.NoSuchProcess("Nope").Errors.Single(),
            Is.EqualTo(new OwsError("InvalidParameterValue", "Identifier", "Unable to parse the ZCFG file: Nope.zcfg.")));
    }

    [Test]
    public void A_namespaced_identifier_not_found_is_named_as_asked()
    {
        Assert.That(Messages.NoSuchProcess("a.b.Nope").Errors.Single(),
            Is.EqualTo(new OwsError("InvalidParameterValue", "identifier", "Unable to parse the ZCFG file: a.b.Nope (file not found)")));
    }
}
