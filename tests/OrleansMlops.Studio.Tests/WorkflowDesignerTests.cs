using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OrleansMlops.Studio.Tests;

/// <summary>
/// The workflow designer: a designer creates a workflow from the template, edits it in bpmn-js and publishes versions;
/// a refused publish marks the offending element on the canvas; two versions compare element by element.
/// </summary>
public sealed class WorkflowDesignerTests(StudioHost host, StudioBrowser browser) : IClassFixture<StudioHost>, IClassFixture<StudioBrowser>
{
    [Fact]
    public async Task A_designer_creates_a_workflow_from_the_template_edits_it_and_publishes_two_versions()
    {
        var workflowId = NewWorkflowId();
        await using var studio = await browser.OpenAsAsync(host, "dana");
        var page = studio.Page;

        await CreateFromTemplateAsync(studio, workflowId);
        await Expect(page.Locator(".dirty-indicator")).ToHaveTextAsync("Unsaved changes");
        await studio.ScreenshotAsync("designer-new-workflow");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(page.Locator(".publish-outcome")).ToHaveTextAsync("Published as version 1.");
        await Expect(page.Locator(".dirty-indicator")).ToHaveTextAsync("No unsaved changes");

        await page.EvaluateAsync("""
            () => {
              const modeler = window.studio.modeler;
              const start = modeler.get('elementRegistry').get('StartEvent_1');
              modeler.get('modeling').updateLabel(start, 'Release requested');
            }
            """);
        await Expect(page.Locator(".dirty-indicator")).ToHaveTextAsync("Unsaved changes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();

        await Expect(page.Locator(".publish-outcome")).ToHaveTextAsync("Published as version 2.");
        await Expect(page.Locator(".version-history tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator(".version-history tbody tr").First).ToContainTextAsync("dana");
        await Expect(page.Locator("#version-picker")).ToHaveValueAsync("2");
        Assert.EndsWith($"#/workflows/{workflowId}/versions/2", page.Url, StringComparison.Ordinal);
        await studio.ScreenshotAsync("designer-published");

        // Publishing the same document again stores nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(page.Locator(".publish-outcome")).ToHaveTextAsync("Unchanged, same as version 2.");

        using var http = Http();
        var versions = await GetVersionsAsync(http, workflowId);
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.All(versions, v => Assert.Equal("dana", v.GetProperty("publishedBy").GetString()));
        Assert.Contains("Release requested", await http.GetStringAsync($"/api/workflows/{workflowId}/versions/2/bpmn"), StringComparison.Ordinal);

        // The list shows the latest version and links to it.
        await studio.GotoAsync("workflows");
        var row = page.Locator($"tr[data-workflow='{workflowId}']");
        await Expect(row).ToContainTextAsync("v2");
        await Expect(row).ToContainTextAsync("dana");
        await studio.ScreenshotAsync("designer-list");
        await row.GetByRole(AriaRole.Link, new() { Name = workflowId }).ClickAsync();
        await Expect(page.Locator(".canvas .djs-element[data-element-id='StartEvent_1']")).ToBeVisibleAsync();
        await Expect(page.Locator("#version-picker")).ToHaveValueAsync("2");
        studio.AssertNoErrors();
    }

    [Fact]
    public async Task A_refused_publish_lists_each_problem_and_marks_the_element_on_the_canvas()
    {
        var workflowId = NewWorkflowId();
        await using var studio = await browser.OpenAsAsync(host, "dana");
        var page = studio.Page;
        await CreateFromTemplateAsync(studio, workflowId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(page.Locator(".publish-outcome")).ToHaveTextAsync("Published as version 1.");

        // A manual task: the engine has no way to execute it and refuses the document.
        var taskId = await page.EvaluateAsync<string>("""
            () => {
              const modeler = window.studio.modeler;
              const root = modeler.get('canvas').getRootElement();
              return modeler.get('modeling').createShape({ type: 'bpmn:ManualTask' }, { x: 320, y: 340 }, root).id;
            }
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();

        var problem = page.Locator($".problem-list li[data-element-id='{taskId}']").First;
        await Expect(problem).ToContainTextAsync(taskId);
        await Expect(problem).ToContainTextAsync("manualTask");
        await Expect(problem).ToContainTextAsync("unsupported element");
        await Expect(problem).ToContainTextAsync("line ");
        await Expect(page.Locator(".publish-problems .problem")).ToContainTextAsync("Workflow refused");
        var marked = page.Locator($".djs-element[data-element-id='{taskId}'].has-problem");
        await Expect(marked).ToHaveCountAsync(1);
        await Expect(page.Locator($".djs-overlays[data-container-id='{taskId}'] .problem-badge")).ToContainTextAsync("unsupported element");
        await Expect(page.Locator(".publish-outcome")).ToBeEmptyAsync();

        // The problem is a button that selects the element.
        await problem.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator($".djs-element[data-element-id='{taskId}'].selected")).ToHaveCountAsync(1);
        await studio.ScreenshotAsync("designer-problems");

        using var http = Http();
        Assert.Single(await GetVersionsAsync(http, workflowId));

        // Removing the task and publishing again clears the marks.
        await page.EvaluateAsync($$"""
            () => {
              const modeler = window.studio.modeler;
              modeler.get('modeling').removeShape(modeler.get('elementRegistry').get('{{taskId}}'));
            }
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(page.Locator(".publish-outcome")).ToContainTextAsync("version 1");
        await Expect(page.Locator(".has-problem")).ToHaveCountAsync(0);
        await Expect(page.Locator(".problem-badge")).ToHaveCountAsync(0);
        await Expect(page.Locator(".publish-problems")).ToBeHiddenAsync();
        await studio.ScreenshotAsync("designer-problems-cleared");

        // Chromium itself logs every 4xx response as a console error; a page cannot silence that. The one refusal
        // provoked here is the only error allowed: no page error, no unhandled rejection, nothing else logged.
        studio.AssertNoErrorsBut(422);
    }

    [Fact]
    public async Task The_compare_view_lists_added_and_changed_elements_between_two_versions_ignoring_the_diagram()
    {
        var workflowId = NewWorkflowId();
        using var http = Http();
        await PublishAsync(http, workflowId, Document(workflowId, startName: "Start", retries: "1", endX: 452));
        await PublishAsync(http, workflowId, Document(workflowId, startName: "Release requested", retries: "2", endX: 600, withReview: true));

        await using var studio = await browser.OpenAsAsync(host, "alice");
        var page = studio.Page;
        await studio.GotoAsync($"workflows/{workflowId}/compare");

        await Expect(page.Locator("#compare-from")).ToHaveValueAsync("1");
        await Expect(page.Locator("#compare-to")).ToHaveValueAsync("2");
        var start = page.Locator("table.diff tr[data-element-id='StartEvent_1']");
        await Expect(start).ToHaveAttributeAsync("data-change", "changed");
        await Expect(start).ToContainTextAsync("name: Start → Release requested");
        var task = page.Locator("table.diff tr[data-element-id='Task_Train']");
        await Expect(task).ToHaveAttributeAsync("data-change", "changed");
        await Expect(task).ToContainTextAsync("mlops:retries: 1 → 2");
        await Expect(page.Locator("table.diff tr[data-element-id='Task_Review']")).ToHaveAttributeAsync("data-change", "added");
        await Expect(page.Locator("table.diff tr[data-element-id='Flow_2']")).ToHaveAttributeAsync("data-change", "changed");
        // The end event moved on the diagram only: not a change of the model.
        await Expect(page.Locator("table.diff tr[data-element-id='EndEvent_1']")).ToHaveCountAsync(0);
        await studio.ScreenshotAsync("designer-compare");

        await page.Locator("#compare-from").SelectOptionAsync("2");
        await Expect(page.Locator(".compare-result")).ToHaveTextAsync("Choose two different versions.");
        Assert.EndsWith($"#/workflows/{workflowId}/compare?from=2&to=2", page.Url, StringComparison.Ordinal);

        // Swapped, the added element is removed.
        await page.Locator("#compare-to").SelectOptionAsync("1");
        await Expect(page.Locator("table.diff tr[data-element-id='Task_Review']")).ToHaveAttributeAsync("data-change", "removed");

        // The address keeps the choice.
        await page.ReloadAsync();
        await Expect(page.Locator("#compare-from")).ToHaveValueAsync("2");
        await Expect(page.Locator("#compare-to")).ToHaveValueAsync("1");
        await Expect(page.Locator("table.diff tr[data-element-id='Task_Review']")).ToHaveAttributeAsync("data-change", "removed");
        studio.AssertNoErrors();
    }

    [Fact]
    public async Task A_version_that_can_release_models_waits_for_a_second_designer_who_approves_it_in_place()
    {
        var workflowId = NewWorkflowId();
        using var http = StudioHttp.Client(host);
        var releasing = Document(workflowId, "Requested", "0", 420).Replace("mlops:stage=\"train\"", "mlops:stage=\"deploy\"", StringComparison.Ordinal);
        using (var request = StudioHttp.As(host, new HttpRequestMessage(HttpMethod.Put, $"/api/workflows/{workflowId}") { Content = new StringContent(releasing, Encoding.UTF8, "application/xml") }, "dana"))
        using (var response = await http.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await using (var publisher = await browser.OpenAsAsync(host, "dana"))
        {
            await publisher.GotoAsync($"workflows/{workflowId}");
            var own = publisher.Page.Locator(".versions tr[data-version='1']");
            await Expect(own).ToContainTextAsync("awaiting a second designer");
            await own.Locator("button[data-action='approve']").ClickAsync();
            await Expect(publisher.Page.Locator(".publish-outcome")).ToContainTextAsync("a second designer must review it");
            publisher.AssertNoErrorsBut(403);
        }

        await using var studio = await browser.OpenAsAsync(host, "devon");
        await studio.GotoAsync($"workflows/{workflowId}");
        var row = studio.Page.Locator(".versions tr[data-version='1']");
        await row.Locator("button[data-action='approve']").ClickAsync();
        await Expect(row).ToContainTextAsync("startable (approved by devon)");
        await studio.ScreenshotAsync("designer-version-approved");
        Assert.Equal("startable", (await GetVersionsAsync(http, workflowId))[0].GetProperty("status").GetString());
        studio.AssertNoErrors();
    }

    [Fact]
    public async Task A_new_workflow_id_is_checked_before_the_editor_opens()
    {
        await using var studio = await browser.OpenAsAsync(host, "dana");
        var page = studio.Page;
        await studio.GotoAsync("workflows");
        await Expect(page.Locator("tr[data-workflow='credit-risk']")).ToBeVisibleAsync();

        await page.GetByLabel("New workflow id").FillAsync("no spaces allowed");
        await page.GetByRole(AriaRole.Button, new() { Name = "New workflow" }).ClickAsync();
        await Expect(page.Locator("#new-workflow-error")).ToContainTextAsync("letters, digits");

        await page.GetByLabel("New workflow id").FillAsync("credit-risk");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#new-workflow-error")).ToContainTextAsync("already exists");
        Assert.EndsWith("#/workflows", page.Url, StringComparison.Ordinal);
        await studio.ScreenshotAsync("designer-new-invalid");

        // Typed into the address bar, the template never opens over an existing workflow.
        await studio.GotoAsync("workflows/credit-risk/new");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workflow credit-risk already exists" })).ToBeVisibleAsync();
        await Expect(page.Locator(".canvas")).ToHaveCountAsync(0);
        studio.AssertNoErrors();
    }

    private static string NewWorkflowId() => $"studio-test-{Guid.NewGuid():N}"[..20];

    private HttpClient Http() => StudioHttp.Client(host);

    private static async Task CreateFromTemplateAsync(StudioPage studio, string workflowId)
    {
        await studio.GotoAsync("workflows");
        await studio.Page.GetByLabel("New workflow id").FillAsync(workflowId);
        await studio.Page.GetByRole(AriaRole.Button, new() { Name = "New workflow" }).ClickAsync();
        await Expect(studio.Page.Locator(".canvas .djs-element[data-element-id='StartEvent_1']")).ToBeVisibleAsync();
        await Expect(studio.Page.Locator(".canvas .djs-element[data-element-id='EndEvent_1']")).ToBeVisibleAsync();
        await Expect(studio.Page.Locator(".canvas .bjs-powered-by")).ToBeVisibleAsync();
        Assert.Equal(workflowId, await studio.Page.EvaluateAsync<string>("() => window.studio.modeler.getDefinitions().rootElements[0].id"));
    }

    private static async Task<List<JsonElement>> GetVersionsAsync(HttpClient http, string workflowId)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync($"/api/workflows/{workflowId}"));
        return [.. document.RootElement.EnumerateArray().Select(v => v.Clone())];
    }

    private async Task PublishAsync(HttpClient http, string workflowId, string xml)
    {
        using var request = StudioHttp.As(host, new HttpRequestMessage(HttpMethod.Put, $"/api/workflows/{workflowId}") { Content = new StringContent(xml, Encoding.UTF8, "application/xml") }, "dana");
        using var response = await http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>start → Task_Train → (Task_Review →) end; the review task and the end's position vary by version.</summary>
    private static string Document(string workflowId, string startName, string retries, int endX, bool withReview = false)
    {
        var review = withReview
            ? """
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Train" targetRef="Task_Review" />
                <bpmn:userTask id="Task_Review" name="Review" mlops:candidateRoles="approver" />
                <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_Review" targetRef="EndEvent_1" />
              """
            : """
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Train" targetRef="EndEvent_1" />
              """;
        var reviewShape = withReview
            ? """<bpmndi:BPMNShape id="Task_Review_di" bpmnElement="Task_Review"><dc:Bounds x="420" y="160" width="100" height="80" /></bpmndi:BPMNShape>"""
            : string.Empty;
        return $$"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:mlops="http://orleans-mlops.dev/schema/bpmn" id="Definitions_1" targetNamespace="http://orleans-mlops.dev/workflows">
              <bpmn:process id="{{workflowId}}" isExecutable="true">
                <bpmn:startEvent id="StartEvent_1" name="{{startName}}" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Train" />
                <bpmn:serviceTask id="Task_Train" name="Train" mlops:stage="train" mlops:retries="{{retries}}" />
                {{review}}
                <bpmn:endEvent id="EndEvent_1" name="End" />
              </bpmn:process>
              <bpmndi:BPMNDiagram id="BPMNDiagram_1">
                <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="{{workflowId}}">
                  <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="152" y="182" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="Task_Train_di" bpmnElement="Task_Train"><dc:Bounds x="250" y="160" width="100" height="80" /></bpmndi:BPMNShape>
                  {{reviewShape}}
                  <bpmndi:BPMNShape id="EndEvent_1_di" bpmnElement="EndEvent_1"><dc:Bounds x="{{endX}}" y="182" width="36" height="36" /></bpmndi:BPMNShape>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;
    }
}
