"""The volunteer's hours and résumé, included at /volunteer/ (Persian) and /en/volunteer/
beside the opportunities app's pages of the volunteer."""

from django.urls import path

from experience.views import my_hours, resume

urlpatterns = [
    path(
        "applications/<int:pk>/hours/",
        my_hours.application_hours,
        name="volunteer_application_hours",
    ),
    path("resume/", resume.my_resume, name="volunteer_resume"),
    path("resume/pdf/", resume.my_resume_pdf, name="volunteer_resume_pdf"),
    path("resume/<slug:code>/", resume.public_resume, name="volunteer_resume_public"),
    path(
        "resume/<slug:code>/pdf/",
        resume.public_resume_pdf,
        name="volunteer_resume_public_pdf",
    ),
]
