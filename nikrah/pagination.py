from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def paginate(request, items, per_page, count=None):
    """The page of ``items`` that ``?page=`` asks for: the first for nonsense, the last for
    a number past the end (a shared or stale link never fails). A caller that already
    counted the items passes ``count``, and they are not counted again."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
