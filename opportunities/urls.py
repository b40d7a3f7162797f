"""The volunteer's own pages, included at /volunteer/ (Persian) and /en/volunteer/."""

from django.urls import path

from opportunities import my_data_view, views

urlpatterns = [
    path("profile/", views.profile, name="volunteer_profile"),
    path("profile/edit/", views.profile_edit, name="volunteer_profile_edit"),
    path("my-data/", my_data_view.download_my_data, name="volunteer_my_data"),
    path("account/delete/", views.account_delete, name="volunteer_account_delete"),
    path("account/deleted/", views.account_deleted, name="volunteer_account_deleted"),
    path("applications/", views.my_applications, name="volunteer_applications"),
    path(
        "applications/<int:pk>/withdraw/",
        views.withdraw_application,
        name="volunteer_application_withdraw",
    ),
]
