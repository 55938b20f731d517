using Zoo.Core.Jobs;

namespace Zoo.Core.Tests.Jobs;

public class StatusDocumentsTests
{
    private const string Head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <wps:ExecuteResponse xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:wps="http://www.opengis.net/wps/1.0.0" xmlns:xlink="http://www.w3.org/1999/xlink" service="WPS" version="1.0.0" xml:lang="en-US" serviceInstance="http://localhost/cgi-bin/zoo_loader.cgi" statusLocation="http://localhost/cgi-bin/zoo_loader.cgi?request=Execute&amp;service=WPS&amp;version=1.0.0&amp;RawDataOutput=Result&amp;identifier=GetStatus&amp;DataInputs=sid=0b8f7c5a">
          <wps:Process wps:processVersion="1">
            <ows:Identifier>LongProcess</ows:Identifier>
            <ows:Title>A long process</ows:Title>
          </wps:Process>
          <wps:Status creationTime="2024-05-01T10:00:00Z">
        """;

    private const string Started = Head + "\n" + """
            <wps:ProcessStarted percentCompleted="40">Computing</wps:ProcessStarted>
          </wps:Status>
        </wps:ExecuteResponse>
        """;

    private const string StatusInfo20 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <wps:StatusInfo xmlns:wps="http://www.opengis.net/wps/2.0">
          <wps:JobID>0b8f7c5a-1d2e-11ef-9a3b-0242ac120002</wps:JobID>
          <wps:Status>Running</wps:Status>
          <wps:PercentCompleted>40</wps:PercentCompleted>
        </wps:StatusInfo>
        """;

    [Test]
    public void A_started_1_0_0_document_becomes_failed_with_the_reason()
    {
        Assert.That(StatusDocuments.WithFailure(Started, "LongProcess", "The job's worker stopped before it finished."), Is.EqualTo(Head + "\n" + """
                <wps:ProcessFailed>
                  <ows:ExceptionReport version="1.1.0">
                    <ows:Exception exceptionCode="NoApplicableCode">
                      <ows:ExceptionText>The job's worker stopped before it finished.</ows:ExceptionText>
                    </ows:Exception>
                  </ows:ExceptionReport>
                </wps:ProcessFailed>
              </wps:Status>
            </wps:ExecuteResponse>
            """));
    }

    [Test]
    public void The_reason_is_escaped()
    {
        var failed = StatusDocuments.WithFailure(Started, "LongProcess", "a < b & c");

        Assert.That(failed, Does.Contain("<ows:ExceptionText>a &lt; b &amp; c</ows:ExceptionText>"));
    }

    [Test]
    public void A_started_document_takes_new_progress()
    {
        Assert.That(StatusDocuments.WithProgress(Started, 75, "Writing", "LongProcess"), Is.EqualTo(Head + "\n" + """
                <wps:ProcessStarted percentCompleted="75">Writing</wps:ProcessStarted>
              </wps:Status>
            </wps:ExecuteResponse>
            """));
    }

    [Test]
    public void A_1_0_0_document_has_a_status()
    {
        Assert.That(StatusDocuments.HasStatus(Started), Is.True);
    }

    [Test]
    public void A_2_0_0_StatusInfo_has_no_status_to_bring_up_to_date()
    {
        Assert.That(StatusDocuments.HasStatus(StatusInfo20), Is.False);
    }

    [Test]
    public void A_2_0_0_StatusInfo_is_left_alone_by_WithFailure()
    {
        Assert.That(StatusDocuments.WithFailure(StatusInfo20, "LongProcess", "stopped"), Is.EqualTo(StatusInfo20));
    }
}
