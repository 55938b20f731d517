using Zoo.Core.Configuration;
using Zoo.Core.OgcApi.Configuration;
using Zoo.Core.OgcApi.Responses;

namespace Zoo.Core.Tests.OgcApi.Responses;

public class ProblemDocumentTests
{
    private static readonly OasConfig Defaults = OasConfig.From(IniDocument.Parse("", "oas.cfg"), null);

    [Test]
    public void A_part_1_code_has_the_standards_type_uri() =>
        Assert.That(ProblemDocument.TypeOf("NoSuchJob", Defaults),
            Is.EqualTo("http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-job"));

    [Test]
    public void A_part_2_code_has_the_part_2_type_uri_even_when_oas_cfg_names_none() =>
        Assert.That(ProblemDocument.TypeOf("DuplicatedProcess", Defaults),
            Is.EqualTo("http://www.opengis.net/def/exceptions/ogcapi-processes-2/1.0/duplicated-process"));

    [Test]
    public void Another_code_is_its_own_type() => Assert.That(ProblemDocument.TypeOf("MissingParameterValue", Defaults), Is.EqualTo("MissingParameterValue"));

    [Test]
    public void The_document_has_type_title_status_detail_and_instance() =>
        Assert.That(ProblemDocument.Build("NoSuchProcess", 404, "Process 'x' not found", Defaults, "/processes/x") is var document ? JsonText.Of(document) : "",
            Is.EqualTo("""{"type":"http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-process","title":"NoSuchProcess","status":404,"detail":"Process 'x' not found","instance":"/processes/x"}"""));

    [TestCase("InvalidQueryParameterValue", 400)]
    [TestCase("ResultNotReady", 404)]
    [TestCase("UnsupportedMediaType", 415)]
    [TestCase("NoApplicableCode", 500)]
    public void Each_code_has_its_http_status(string code, int status) => Assert.That(ProblemDocument.StatusOf(code), Is.EqualTo(status));
}
